-- +migrate Up
CREATE TABLE backup_jobs (
    id INTEGER PRIMARY KEY,
    team_id INTEGER NOT NULL REFERENCES teams (id),
    name VARCHAR(100) NOT NULL,
    schedule VARCHAR(50) NOT NULL,          -- cron syntax; ';' here never ends the statement
    status VARCHAR(20) NOT NULL DEFAULT 'active',
    retention_days INTEGER NOT NULL DEFAULT 30,
    created_at VARCHAR(32) NOT NULL,
    CHECK (retention_days > 0)
);
CREATE INDEX idx_backup_jobs_team ON backup_jobs (team_id);
CREATE INDEX idx_backup_jobs_status ON backup_jobs (status);

-- +migrate Down
DROP TABLE backup_jobs;
