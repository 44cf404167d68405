package dev.rehearsal.suites;

import dev.rehearsal.engine.RehearsalSuite;

/** The media library: users, images and docs, then their unification into media. */
@RehearsalSuite(migrations = "migrations/media", fixtures = "fixtures/media")
class MediaRehearsal {
}
