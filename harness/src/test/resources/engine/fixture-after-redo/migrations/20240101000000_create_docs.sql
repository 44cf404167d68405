-- +migrate Up
CREATE TABLE docs (
    id INTEGER PRIMARY KEY,
    path VARCHAR(200) NOT NULL
);
INSERT INTO docs (id, path) VALUES (1, '/a.pdf');

-- +migrate Down
DROP TABLE docs;
