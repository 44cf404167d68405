-- migrate:up
CREATE TABLE users (id INTEGER PRIMARY KEY);

-- migrate:up
CREATE TABLE teams (id INTEGER PRIMARY KEY);
