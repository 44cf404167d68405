CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL, score DOUBLE PRECISION);
INSERT INTO users (id, name) VALUES (1, 'ada'), (2, 'bob'), (3, 'cy');
