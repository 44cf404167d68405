-- +migrate Up
CREATE TABLE docs (
    id INTEGER PRIMARY KEY,
    title VARCHAR(200)
);

-- +migrate Down
DROP TABLE docs;
