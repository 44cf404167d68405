-- +migrate Up
CREATE INDEX idx_users_name ON users (name);

-- +migrate Down
-- Broken on purpose: the rollback forgets the index.
UPDATE users SET name = name WHERE id < 0;
