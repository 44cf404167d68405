ALTER TABLE users DROP COLUMN age;
DROP INDEX users_email;
