-- Reserved version: a statement that changes nothing, with an empty down beside it.
SELECT COUNT(*) FROM users;
