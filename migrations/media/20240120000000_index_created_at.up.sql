CREATE INDEX idx_images_created ON images (created_at);
CREATE INDEX idx_docs_created ON docs (created_at);
