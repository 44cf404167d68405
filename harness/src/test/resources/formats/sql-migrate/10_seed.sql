-- Seed data: kept on rollback on purpose.
-- +migrate Up
INSERT INTO users (name) VALUES ('ann');
INSERT INTO users (name) VALUES ('bob');
-- +migrate Down
-- nothing to undo: the seed stays
