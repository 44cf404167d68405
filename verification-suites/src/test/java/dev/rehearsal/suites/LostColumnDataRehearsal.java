package dev.rehearsal.suites;

import dev.rehearsal.engine.RehearsalSuite;

/** Drill: a rollback that loses a column's data (declared defect, must be detected). */
@RehearsalSuite(migrations = "verification-suites/defects/lost-column-data")
class LostColumnDataRehearsal {
}
