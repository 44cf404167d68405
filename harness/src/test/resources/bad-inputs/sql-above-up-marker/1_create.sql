-- a comment is fine here
CREATE TABLE users (id INTEGER PRIMARY KEY);
-- +migrate Up
CREATE TABLE teams (id INTEGER PRIMARY KEY);
