-- +migrate Up
-- The data migration assumes every document has a title: it copies titles into a NOT NULL column.
CREATE TABLE doc_titles (
    doc_id INTEGER PRIMARY KEY REFERENCES docs (id),
    title VARCHAR(200) NOT NULL
);
INSERT INTO doc_titles (doc_id, title) SELECT id, title FROM docs;

-- +migrate Down
DROP TABLE doc_titles;
