# MySQL client style: DELIMITER switches the terminator.
CREATE TABLE counter (n INT NOT NULL) ENGINE=InnoDB;

DELIMITER //
CREATE PROCEDURE bump(IN times INT)
BEGIN
    DECLARE i INT DEFAULT 0;
    outer_loop: LOOP
        SET i = i + 1;
        IF i > times THEN
            LEAVE outer_loop;
        END IF;
        UPDATE counter SET n = n + 1;
    END LOOP outer_loop;
END //
   CREATE FUNCTION twice(x INT) RETURNS INT DETERMINISTIC
BEGIN
    RETURN x * 2;
END//
DELIMITER ;
INSERT INTO counter VALUES (0);
DELIMITER $$
CREATE TRIGGER counter_guard BEFORE UPDATE ON counter FOR EACH ROW
BEGIN
    IF NEW.n < 0 THEN SET NEW.n = 0; END IF;
END$$
DELIMITER ;
CALL bump(3);
