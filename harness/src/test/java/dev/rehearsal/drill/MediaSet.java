package dev.rehearsal.drill;

import dev.rehearsal.database.Target;
import dev.rehearsal.migration.MigrationLoader;
import dev.rehearsal.migration.MigrationSet;
import dev.rehearsal.migration.MigrationVersion;
import java.nio.file.Files;
import java.nio.file.Path;

/** The media example set at the repository root and the drill fixtures that seed it. */
final class MediaSet {
    static final MigrationVersion UNIFY = MigrationVersion.parse("20240215000000");
    static final MigrationVersion INDEX_CREATED_AT = MigrationVersion.parse("20240120000000");
    static final int UNIFY_STATEMENTS = 7;

    private MediaSet() {
    }

    static MigrationSet load(Target target) {
        return MigrationLoader.load(root().resolve("migrations").resolve("media"), target.dialect());
    }

    /** fixtures/media at the repository root: 12 users, 30 images, 18 docs. */
    static Path fixtures() {
        return root().resolve("fixtures").resolve("media");
    }

    /** rehearsal.projectRoot (set by surefire), else the first parent holding migrations/. */
    static Path root() {
        String configured = System.getProperty("rehearsal.projectRoot");
        for (Path p = Path.of(configured != null ? configured : "").toAbsolutePath().normalize(); p != null;
                p = p.getParent()) {
            if (Files.isDirectory(p.resolve("migrations").resolve("media"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find migrations/media above " + Path.of("").toAbsolutePath());
    }
}
