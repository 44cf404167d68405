-- Forgets the event and the comment.
SELECT 1;
