-- +goose Up
CREATE TABLE items (id INTEGER PRIMARY KEY, name VARCHAR(20));
-- +goose StatementBegin
INSERT INTO items (id, name) VALUES (1, 'one');
  INSERT INTO items (id, name) VALUES (2, 'two; still two');
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TABLE outer_a (id INTEGER);
-- +goose StatementBegin
CREATE TABLE inner_b (id INTEGER);
-- +goose StatementEnd
CREATE TABLE outer_c (id INTEGER);
-- +goose StatementEnd
-- +goose StatementBegin
-- a comment first
CREATE TABLE next_d (id INTEGER);
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TABLE next_e (id INTEGER)
-- +goose StatementEnd
