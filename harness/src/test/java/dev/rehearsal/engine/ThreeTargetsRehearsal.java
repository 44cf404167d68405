package dev.rehearsal.engine;

/**
 * A suite class declaring all three targets, for the engine tests. Its name keeps it out of
 * Surefire's includes, so only the tests that select it run it.
 */
@RehearsalSuite(migrations = "harness/src/test/resources/engine/good",
        targets = {RehearsalSuite.Target.SQLITE, RehearsalSuite.Target.POSTGRES, RehearsalSuite.Target.MARIADB})
class ThreeTargetsRehearsal {
}
