-- +migrate Up
CREATE TABLE notes (
    id INTEGER PRIMARY KEY,
    body VARCHAR(200)
);

-- +migrate Down
DROP TABLE notes;
