package dev.rehearsal.suites;

import dev.rehearsal.engine.RehearsalSuite;

/** Backup jobs: users, teams, jobs and runs. */
@RehearsalSuite(migrations = "migrations/backup-jobs")
class BackupJobsRehearsal {
}
