-- Only the PostgreSQL variant of this project needs version 2; the others keep a placeholder.
SELECT 1;
