-- +migrate Up
CREATE TABLE docs (
    id INTEGER PRIMARY KEY,
    owner_id INTEGER NOT NULL REFERENCES users (id),
    path VARCHAR(200) NOT NULL
);
CREATE INDEX idx_docs_owner ON docs (owner_id);
INSERT INTO docs (id, owner_id, path) VALUES (1, 1, '/a.pdf');

-- +migrate Down
DROP TABLE docs;
