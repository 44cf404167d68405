ALTER TABLE users ADD CONSTRAINT users_name_not_blank CHECK (name <> '');
