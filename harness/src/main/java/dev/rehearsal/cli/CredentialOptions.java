package dev.rehearsal.cli;

import picocli.CommandLine.Option;

/** Who a command connects as: a user, and the environment variable that holds the password (never an argument). */
final class CredentialOptions {
    @Option(names = "--user", paramLabel = "USER", description = "Database user (or in the URL).",
            defaultValue = "${env:REHEARSAL_USER}")
    String user;

    @Option(names = "--password-env", paramLabel = "VAR", defaultValue = "REHEARSAL_PASSWORD",
            description = "Environment variable holding the password (default: ${DEFAULT-VALUE}); never pass it on the command line.")
    String passwordVariable;

    /** The password from the named variable; null when it is unset. */
    String password() {
        return passwordVariable == null ? null : System.getenv(passwordVariable);
    }
}
