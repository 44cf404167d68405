ALTER TABLE users ADD COLUMN name VARCHAR(100);
UPDATE users SET name = full_name;
ALTER TABLE users DROP COLUMN full_name;
