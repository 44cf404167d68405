-- +migrate Up
CREATE TABLE users (id INTEGER PRIMARY KEY);
-- +migrate Down
DROP TABLE users;
-- +migrate Up
CREATE TABLE again (id INTEGER);
