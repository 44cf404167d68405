-- migrate:up transaction:false
CREATE INDEX users_name ON users (name);
CREATE INDEX users_id_name ON users (id, name);

-- migrate:down
DROP INDEX users_id_name;
DROP INDEX users_name;
