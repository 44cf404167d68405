package dev.rehearsal.engine;

/**
 * A suite class for the engine tests. Its name keeps it out of Surefire's includes, so only the
 * tests that select it run it.
 */
@RehearsalSuite(migrations = "harness/src/test/resources/engine/good", targets = RehearsalSuite.Target.SQLITE)
class GoodSetRehearsal {
}
