-- +migrate Up
ALTER TABLE docs ADD COLUMN title VARCHAR(200);
UPDATE docs SET title = path;

-- +migrate Down
ALTER TABLE docs DROP COLUMN title;
