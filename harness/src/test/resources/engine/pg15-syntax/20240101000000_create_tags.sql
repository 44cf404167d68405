-- +migrate Up
-- NULLS NOT DISTINCT arrived in PostgreSQL 15: PostgreSQL 13 rejects this index as a syntax error.
CREATE TABLE tags (
    id INTEGER PRIMARY KEY,
    name VARCHAR(50)
);
CREATE UNIQUE INDEX tags_name ON tags (name) NULLS NOT DISTINCT;

-- +migrate Down
DROP TABLE tags;
