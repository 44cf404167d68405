-- leading comment; with a semicolon
/* a block comment;
   over two lines; */
SELECT 'a;b', 'it''s; fine', "col;umn" FROM t; -- trailing; comment
INSERT INTO t (x) VALUES ('--not a comment'), ('/* nor this */');

  -- only comments until the next statement ;
    UPDATE t SET x = 1 /* inline ; comment */ WHERE x = 2;;
;
SELECT `back;tick` FROM t
    -- a comment inside the statement; it stays
    WHERE y = 'multi
line; string';
-- a last comment;
