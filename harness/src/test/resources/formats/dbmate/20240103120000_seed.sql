-- migrate:up
INSERT INTO users (name) VALUES ('ann');

-- migrate:down
