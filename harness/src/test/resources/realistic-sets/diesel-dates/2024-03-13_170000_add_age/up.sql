-- diesel sorts versions as text: 2024-03-13 comes after 2024-03-06-170000, and email exists here.
CREATE INDEX users_email ON users (email);
ALTER TABLE users ADD COLUMN age INTEGER;
