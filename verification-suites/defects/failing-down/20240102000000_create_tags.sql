-- +migrate Up
CREATE TABLE tags (id INTEGER PRIMARY KEY, label VARCHAR(50) NOT NULL);

-- +migrate Down
DROP TABLE tagz;
