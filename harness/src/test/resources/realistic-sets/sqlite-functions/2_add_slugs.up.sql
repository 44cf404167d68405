-- slugify is registered by the application's SQLite driver, not built into SQLite.
ALTER TABLE posts ADD COLUMN slug VARCHAR(200);
UPDATE posts SET slug = slugify(title);
