-- A random starting score for everyone: a redo cannot draw the same numbers.
UPDATE users SET score = random();
