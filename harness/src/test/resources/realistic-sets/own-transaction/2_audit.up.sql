-- The author commits on their own, as psql users do.
BEGIN;
CREATE TABLE audit (id INTEGER PRIMARY KEY, what VARCHAR(100));
INSERT INTO audit (id, what) VALUES (1, 'created');
COMMIT;
