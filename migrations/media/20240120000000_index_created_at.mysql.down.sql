-- MariaDB/MySQL name the table in DROP INDEX.
DROP INDEX idx_docs_created ON docs;
DROP INDEX idx_images_created ON images;
