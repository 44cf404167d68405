-- Dropping a table drops its indexes on every engine.
DROP TABLE docs;
DROP TABLE images;
