-- +migrate Up
-- Accounts, teams and memberships for the backup service.
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    email VARCHAR(255) NOT NULL UNIQUE,
    created_at VARCHAR(32) NOT NULL
);

CREATE TABLE teams (
    id INTEGER PRIMARY KEY,
    name VARCHAR(100) NOT NULL UNIQUE,
    owner_id INTEGER NOT NULL REFERENCES users (id)
);

CREATE TABLE team_members (
    team_id INTEGER NOT NULL REFERENCES teams (id),
    user_id INTEGER NOT NULL REFERENCES users (id),
    role VARCHAR(20) NOT NULL DEFAULT 'member',
    PRIMARY KEY (team_id, user_id)
);
CREATE INDEX idx_team_members_user ON team_members (user_id);

-- +migrate Down
DROP TABLE team_members;
DROP TABLE teams;
DROP TABLE users;
