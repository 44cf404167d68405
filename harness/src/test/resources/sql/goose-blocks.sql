-- +goose Up
CREATE TABLE users (id INTEGER PRIMARY KEY);

-- +goose StatementBegin
CREATE OR REPLACE FUNCTION f() RETURNS int AS '
  SELECT 1; SELECT 2;
' LANGUAGE sql;
-- +goose StatementEnd
  -- +goose StatementBegin
-- a comment before the statement
    SELECT 'unbalanced '' ; in a block'
    ;
-- +goose StatementEnd
-- +goose StatementBegin
-- only a comment here
-- +goose StatementEnd
ALTER TABLE users ADD COLUMN name TEXT;
