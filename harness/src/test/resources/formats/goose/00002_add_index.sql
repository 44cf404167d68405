-- +goose NO TRANSACTION
-- +goose Up
CREATE INDEX users_name ON users (name);

-- +goose Down
DROP INDEX users_name;
