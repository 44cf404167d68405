package dev.rehearsal.suites;

import dev.rehearsal.engine.RehearsalSuite;

/** Drill: a migration without a down script (declared defect, must be detected). */
@RehearsalSuite(migrations = "verification-suites/defects/missing-down")
class MissingDownRehearsal {
}
