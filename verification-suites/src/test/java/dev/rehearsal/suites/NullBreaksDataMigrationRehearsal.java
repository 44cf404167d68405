package dev.rehearsal.suites;

import dev.rehearsal.engine.RehearsalSuite;

/** Drill: a data migration that breaks on NULLs in a fixture (declared defect, must be detected). */
@RehearsalSuite(migrations = "verification-suites/defects/null-breaks-data-migration/migrations")
class NullBreaksDataMigrationRehearsal {
}
