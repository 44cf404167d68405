CREATE EXTENSION IF NOT EXISTS pgcrypto;
ALTER TABLE users ADD COLUMN token TEXT DEFAULT encode(gen_random_bytes(8), 'hex');
