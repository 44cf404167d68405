-- +migrate Up
ALTER TABLE users DROP COLUMN bio;

-- +migrate Down
-- The column comes back empty: its data is gone.
ALTER TABLE users ADD COLUMN bio VARCHAR(200);
