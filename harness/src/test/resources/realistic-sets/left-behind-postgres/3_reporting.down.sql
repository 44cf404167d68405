-- Forgets the schema and one of the comments.
COMMENT ON TABLE users IS NULL;
