CREATE SCHEMA reporting;
COMMENT ON TABLE users IS 'people who sign in';
COMMENT ON COLUMN users.name IS 'shown to others';
