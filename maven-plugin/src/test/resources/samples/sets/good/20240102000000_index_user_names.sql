-- +migrate Up
CREATE INDEX idx_users_name ON users (name);

-- +migrate Down
DROP INDEX idx_users_name;
