-- SQLite: a trigger body holds statements of its own.
BEGIN TRANSACTION;
CREATE TABLE `order` (id INTEGER PRIMARY KEY, total INTEGER, "status;text" TEXT);
CREATE TABLE audit (event TEXT, begin_at TEXT, "end" TEXT);

CREATE TRIGGER order_audit AFTER UPDATE ON `order`
FOR EACH ROW WHEN NEW.total <> OLD.total
BEGIN
    INSERT INTO audit (event) VALUES ('total changed; ' || OLD.total);
    UPDATE `order` SET "status;text" = CASE WHEN NEW.total > 100 THEN 'big' ELSE 'small' END
        WHERE id = NEW.id;
    SELECT RAISE(ABORT, 'negative;') WHERE NEW.total < 0;
END;
CREATE TEMP TRIGGER IF NOT EXISTS order_delete BEFORE DELETE ON `order` BEGIN DELETE FROM audit; END;
INSERT INTO audit (event) VALUES ('done; END is COMMIT');
END;
VACUUM;
