-- +goose Up
CREATE TABLE users (id INTEGER PRIMARY KEY);
-- +goose StatementBegin
INSERT INTO users (id) VALUES (1);
-- +goose StatementEnd
INSERT INTO users (id) VALUES (2);
-- +goose StatementEnd

-- +goose Down
DROP TABLE users;
