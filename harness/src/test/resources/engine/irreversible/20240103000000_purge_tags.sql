-- +migrate Up
CREATE TABLE tags (id INTEGER PRIMARY KEY);
