package dev.rehearsal.suites;

import dev.rehearsal.engine.RehearsalSuite;

/** Drill: a down script that fails (declared defect, must be detected). */
@RehearsalSuite(migrations = "verification-suites/defects/failing-down")
class FailingDownRehearsal {
}
