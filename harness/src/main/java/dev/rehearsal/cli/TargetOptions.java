package dev.rehearsal.cli;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.backup.BackupService;
import dev.rehearsal.database.Target;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Which database a command talks to. */
final class TargetOptions {
    @Option(names = "--url", required = true, paramLabel = "URL",
            description = "JDBC URL (jdbc:sqlite:app.db, jdbc:postgresql://host/db, jdbc:mariadb://host/db) or a SQLite file path."
                    + " Defaults to $REHEARSAL_URL.", defaultValue = "${env:REHEARSAL_URL}")
    String url;

    @Mixin
    CredentialOptions credentials;

    /**
     * The target, refused while an interrupted restore marks it half-restored (MariaDB): every
     * command sees that mark and names the safety backup, instead of reading a partial database as
     * if it were whole (status would show every migration pending).
     */
    Target target() {
        Target target = targetEvenIfHalfRestored();
        new BackupService().refuseIfRestoreInterrupted(target);
        return target;
    }

    /** The target as given, for {@code backup restore}, which is how a half-restored database is repaired. */
    Target targetEvenIfHalfRestored() {
        if (url == null || url.isBlank()) {
            throw new RehearsalException(ErrorCode.BAD_USAGE, "no database given: pass --url or set REHEARSAL_URL");
        }
        return Target.of(url, credentials.user, credentials.password());
    }

    /** The target of a command that must not create it: a mistyped SQLite path is bad input, not an empty database. */
    Target existingTarget() {
        return target().requireExisting();
    }
}
