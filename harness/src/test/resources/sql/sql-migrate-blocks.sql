-- +migrate Up
-- +migrate StatementBegin
CREATE TRIGGER t AFTER INSERT ON users
BEGIN
  UPDATE users SET name = 'x; y';
END;
-- +migrate StatementEnd
CREATE INDEX users_name ON users (name)
-- +migrate StatementBegin
SELECT 1;
-- +migrate StatementEnd
