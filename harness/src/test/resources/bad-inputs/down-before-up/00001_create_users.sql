-- the sections are swapped
-- +goose Down
DROP TABLE users;
-- +goose Up
CREATE TABLE users (id INTEGER PRIMARY KEY);
