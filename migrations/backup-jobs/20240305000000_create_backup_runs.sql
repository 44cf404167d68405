-- +migrate Up
CREATE TABLE backup_runs (
    id INTEGER PRIMARY KEY,
    job_id INTEGER NOT NULL REFERENCES backup_jobs (id),
    started_at VARCHAR(32) NOT NULL,
    finished_at VARCHAR(32),
    bytes_written BIGINT,
    status VARCHAR(20) NOT NULL,
    error_message VARCHAR(1000)
);
CREATE INDEX idx_backup_runs_job ON backup_runs (job_id, started_at);

-- +migrate Down
DROP TABLE backup_runs;
