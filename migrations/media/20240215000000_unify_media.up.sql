-- Media unification: images and docs are copied into one media table. The old tables stay
-- until the application has switched over, so the rollback loses nothing.
CREATE TABLE media (
    kind VARCHAR(10) NOT NULL,
    legacy_id INTEGER NOT NULL,
    owner_id INTEGER NOT NULL REFERENCES users (id),
    path VARCHAR(500) NOT NULL,
    title VARCHAR(200),
    mime_type VARCHAR(100),
    size_bytes BIGINT NOT NULL,
    created_at VARCHAR(32) NOT NULL,
    PRIMARY KEY (kind, legacy_id)
);

INSERT INTO media (kind, legacy_id, owner_id, path, title, mime_type, size_bytes, created_at)
SELECT 'image', id, owner_id, path, NULL, mime_type, size_bytes, created_at FROM images;

INSERT INTO media (kind, legacy_id, owner_id, path, title, mime_type, size_bytes, created_at)
SELECT 'doc', id, owner_id, path, title, 'application/pdf', size_bytes, created_at FROM docs;

CREATE INDEX idx_media_owner ON media (owner_id);
CREATE INDEX idx_media_created ON media (created_at);

-- The completion marker the application and the verification suite look for.
CREATE TABLE migration_markers (
    name VARCHAR(100) PRIMARY KEY,
    completed_at VARCHAR(32) NOT NULL
);
INSERT INTO migration_markers (name, completed_at) VALUES ('media_unification', '2024-02-15T00:00:00Z');
