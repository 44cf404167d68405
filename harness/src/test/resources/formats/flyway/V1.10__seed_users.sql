INSERT INTO users (name) VALUES ('ann');
INSERT INTO users (name) VALUES ('bob');
