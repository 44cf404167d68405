CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(100), email VARCHAR(100));
INSERT INTO users (id, name, email) VALUES (1, 'ada', 'ada@example.org'), (2, 'bob', NULL);
