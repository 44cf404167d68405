ALTER TABLE users ADD COLUMN flags INT UNSIGNED;
ALTER TABLE users ADD INDEX users_flags (flags);
