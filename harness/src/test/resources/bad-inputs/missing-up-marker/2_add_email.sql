-- forgot the marker
ALTER TABLE users ADD COLUMN email TEXT;
