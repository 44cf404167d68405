CREATE TABLE users (id SERIAL PRIMARY KEY, name TEXT);

CREATE FUNCTION user_count() RETURNS bigint AS $body$
    SELECT count(*) FROM users;
$$ LANGUAGE sql;
