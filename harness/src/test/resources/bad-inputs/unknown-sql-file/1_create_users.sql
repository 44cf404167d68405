-- +migrate Up
CREATE TABLE users (id INTEGER PRIMARY KEY);
