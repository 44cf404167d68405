-- A PostgreSQL migration: function bodies in dollar quotes hold many ';'.
CREATE TABLE account (id bigserial PRIMARY KEY, balance numeric NOT NULL DEFAULT 0);

CREATE FUNCTION touch() RETURNS trigger AS $$
BEGIN
    NEW.balance := coalesce(NEW.balance, 0);
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION audit(p_id bigint) RETURNS void AS $body$
DECLARE
    q text := $q$SELECT 1; -- not a split$q$;
BEGIN
    EXECUTE q;
    RAISE NOTICE 'audited %; done', $1;
END;
$body$ LANGUAGE plpgsql;

/* outer /* nested ; */ still a comment ; */
PREPARE by_id AS SELECT * FROM account WHERE id = $1 AND balance > $2;
SELECT E'it\'s; escaped', 'plain '' quote;' AS "odd;name" FROM account;
  CREATE INDEX CONCURRENTLY account_balance ON account (balance);
CREATE FUNCTION one() RETURNS int LANGUAGE sql
BEGIN ATOMIC
    SELECT 1;
    SELECT CASE WHEN true THEN 1 ELSE 2 END;
END;
CREATE RULE keep AS ON DELETE TO account DO INSTEAD (UPDATE account SET balance = 0; SELECT 1);
BEGIN;
COMMIT
