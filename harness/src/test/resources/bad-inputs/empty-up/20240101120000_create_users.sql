-- migrate:up
-- TODO: write the migration

-- migrate:down
DROP TABLE users;
