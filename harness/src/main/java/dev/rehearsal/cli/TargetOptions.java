package dev.rehearsal.cli;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.Target;
import picocli.CommandLine.Option;

/** Which database a command talks to. */
final class TargetOptions {
    @Option(names = "--url", required = true, paramLabel = "URL",
            description = "JDBC URL (jdbc:sqlite:app.db, jdbc:postgresql://host/db, jdbc:mariadb://host/db) or a SQLite file path."
                    + " Defaults to $REHEARSAL_URL.", defaultValue = "${env:REHEARSAL_URL}")
    String url;

    @Option(names = "--user", paramLabel = "USER", description = "Database user (or in the URL).",
            defaultValue = "${env:REHEARSAL_USER}")
    String user;

    @Option(names = "--password-env", paramLabel = "VAR", defaultValue = "REHEARSAL_PASSWORD",
            description = "Environment variable holding the password (default: ${DEFAULT-VALUE}); never pass it on the command line.")
    String passwordVariable;

    Target target() {
        if (url == null || url.isBlank()) {
            throw new RehearsalException(ErrorCode.BAD_USAGE, "no database given: pass --url or set REHEARSAL_URL");
        }
        String password = passwordVariable == null ? null : System.getenv(passwordVariable);
        return Target.of(url, user, password);
    }

    /** The target of a command that must not create it: a mistyped SQLite path is bad input, not an empty database. */
    Target existingTarget() {
        return target().requireExisting();
    }
}
