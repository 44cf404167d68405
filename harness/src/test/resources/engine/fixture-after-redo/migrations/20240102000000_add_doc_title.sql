-- +migrate Up
ALTER TABLE docs ADD COLUMN title VARCHAR(200);

-- +migrate Down
-- Also deletes the rows the fixture loaded: the data before up is not restored.
DELETE FROM docs WHERE id > 1;
ALTER TABLE docs DROP COLUMN title;
