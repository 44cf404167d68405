-- +migrate Up
-- No rows and no fixtures: the rollback proofs run on generated rows.
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    bio VARCHAR(200)
);

-- +migrate Down
DROP TABLE users;
