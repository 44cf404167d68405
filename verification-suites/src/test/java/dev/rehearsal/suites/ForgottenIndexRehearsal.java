package dev.rehearsal.suites;

import dev.rehearsal.engine.RehearsalSuite;

/** Drill: a rollback that forgets an index (declared defect, must be detected). */
@RehearsalSuite(migrations = "verification-suites/defects/forgotten-index")
class ForgottenIndexRehearsal {
}
