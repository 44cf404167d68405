-- +goose ENVSUB ON
-- +goose Up
CREATE TABLE users (id INTEGER PRIMARY KEY);
-- +goose StatementBegin
CREATE FUNCTION add_one(integer) RETURNS integer AS 'SELECT $1 + 1' LANGUAGE sql;
-- +goose StatementEnd

-- +goose Down
DROP FUNCTION add_one(integer);
DROP TABLE users;
