-- +migrate Up
INSERT INTO no_such_table (id) VALUES (1);

-- +migrate Down
DELETE FROM no_such_table;
