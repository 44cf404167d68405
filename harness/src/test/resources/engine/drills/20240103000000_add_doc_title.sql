-- +migrate Up
ALTER TABLE docs ADD COLUMN title VARCHAR(200);
UPDATE docs SET title = path;
