-- golang-migrate runs this file as it is
ALTER TABLE users ADD COLUMN email TEXT;
