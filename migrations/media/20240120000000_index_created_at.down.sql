DROP INDEX idx_docs_created;
DROP INDEX idx_images_created;
