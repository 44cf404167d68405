-- Two separate media tables, as the application had them before unification.
CREATE TABLE images (
    id INTEGER PRIMARY KEY,
    owner_id INTEGER NOT NULL REFERENCES users (id),
    path VARCHAR(500) NOT NULL,
    mime_type VARCHAR(100) NOT NULL,
    width INTEGER,
    height INTEGER,
    size_bytes BIGINT NOT NULL,
    created_at VARCHAR(32) NOT NULL
);

CREATE TABLE docs (
    id INTEGER PRIMARY KEY,
    owner_id INTEGER NOT NULL REFERENCES users (id),
    path VARCHAR(500) NOT NULL,
    title VARCHAR(200) NOT NULL,
    page_count INTEGER,
    size_bytes BIGINT NOT NULL,
    created_at VARCHAR(32) NOT NULL
);

CREATE INDEX idx_images_owner ON images (owner_id);
CREATE INDEX idx_docs_owner ON docs (owner_id);
