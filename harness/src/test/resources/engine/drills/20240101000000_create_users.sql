-- +migrate Up
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    bio VARCHAR(200)
);
INSERT INTO users (id, name, bio) VALUES (1, 'ada', 'counts'), (2, 'bob', NULL);

-- +migrate Down
DROP TABLE users;
