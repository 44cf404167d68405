-- +goose Up
-- +goose ENVSUB ON
CREATE TABLE users (id INTEGER PRIMARY KEY);
CREATE TABLE ${REHEARSAL_SURELY_UNSET_PREFIX?the table prefix}audit (id INTEGER);

-- +goose Down
DROP TABLE users;
