CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);

  DELIMITER $$
CREATE TRIGGER users_trim AFTER INSERT ON users
BEGIN
    UPDATE users SET name = trim(name) WHERE id = NEW.id;
END$$
DELIMITER ;
