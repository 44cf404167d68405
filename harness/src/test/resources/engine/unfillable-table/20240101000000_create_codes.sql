-- +migrate Up
-- The generator writes random text; the CHECK accepts one value only, so the table stays empty.
CREATE TABLE codes (
    id INTEGER PRIMARY KEY,
    code VARCHAR(10) NOT NULL CHECK (code = 'only')
);

-- +migrate Down
DROP TABLE codes;
