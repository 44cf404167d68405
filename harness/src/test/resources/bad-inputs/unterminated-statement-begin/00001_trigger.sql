-- +goose Up
CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);
-- +goose StatementBegin
CREATE TRIGGER users_trim AFTER INSERT ON users
BEGIN
    UPDATE users SET name = trim(name) WHERE id = NEW.id;
END;

-- +goose Down
DROP TABLE users;
