CREATE TABLE users (id UUID PRIMARY KEY DEFAULT gen_random_uuid(), name STRING NOT NULL, email STRING);
