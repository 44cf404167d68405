-- +migrate Up
CREATE TABLE tags (id INTEGER PRIMARY KEY);

-- +migrate Down
DROP TABLE tags;
