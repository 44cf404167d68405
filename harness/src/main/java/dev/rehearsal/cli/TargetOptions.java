package dev.rehearsal.cli;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
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

    Target target() {
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
