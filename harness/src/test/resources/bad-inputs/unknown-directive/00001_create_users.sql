-- +goose Up
CREATE TABLE users (id INTEGER PRIMARY KEY);
-- +goose Dwon
DROP TABLE users;
