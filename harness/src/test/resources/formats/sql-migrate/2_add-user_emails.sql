-- +migrate Up notransaction
ALTER TABLE users ADD COLUMN email TEXT;
-- +migrate StatementBegin
CREATE TRIGGER users_email AFTER INSERT ON users
BEGIN
    UPDATE users SET email = lower(email) WHERE id = NEW.id;
END;
-- +migrate StatementEnd
