-- Forgets the extension the up created.
ALTER TABLE users DROP COLUMN token;
