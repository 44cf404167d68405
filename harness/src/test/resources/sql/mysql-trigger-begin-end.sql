-- MySQL without DELIMITER: BEGIN ... END bodies are followed by keyword.
DROP TABLE IF EXISTS item;
CREATE TABLE item (id INT PRIMARY KEY, qty INT, note VARCHAR(40), `event` VARCHAR(10));

CREATE TRIGGER item_qty BEFORE INSERT ON item FOR EACH ROW
BEGIN
    IF NEW.qty < 0 THEN
        SET NEW.qty = 0;
    ELSEIF NEW.qty > 1000 THEN
        SET NEW.note = 'capped; see \'rules\'';
        SET NEW.qty = 1000;
    ELSE
        SET NEW.note = IF(NEW.qty = 0, 'empty;', 'ok');
    END IF;
    CASE NEW.`event`
        WHEN 'a' THEN SET NEW.note = CASE WHEN NEW.qty > 1 THEN 'many' ELSE 'one' END;
        ELSE BEGIN
            SET NEW.note = 'other'; # a comment; with a semicolon
        END;
    END CASE;
END;

CREATE PROCEDURE fill(IN n INT)
BEGIN
    DECLARE i INT DEFAULT 0;
    DECLARE CONTINUE HANDLER FOR SQLEXCEPTION BEGIN SET i = n; END;
    WHILE i < n DO
        INSERT INTO item (id, qty) VALUES (i, i);
        SET i = i + 1;
    END WHILE;
    REPEAT SET i = i - 1; UNTIL i <= 0 END REPEAT;
    lbl: LOOP LEAVE lbl; END LOOP lbl;
    CREATE TABLE IF NOT EXISTS scratch (x INT);
END;
CREATE TRIGGER item_note BEFORE UPDATE ON item FOR EACH ROW IF NEW.note IS NULL THEN SET NEW.note = ''; END IF;
BEGIN;
INSERT INTO item (id, qty) VALUES (1, 2);
COMMIT;
/*!40101 SET NAMES utf8mb4 */;
