ALTER TABLE users ADD COLUMN full_name VARCHAR(100);
UPDATE users SET full_name = name;
ALTER TABLE users DROP COLUMN name;
