package dev.rehearsal.cli;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The production guard every mutating command carries, as the seed systems had it. */
final class SafetyOptions {
    @Option(names = "--env", paramLabel = "ENV", defaultValue = "${env:REHEARSAL_ENV}",
            description = "Environment label of the target (development, staging, production). Defaults to $REHEARSAL_ENV.")
    String environment;

    @Option(names = "--force", description = "Allow a mutating command against a production target.")
    boolean force;

    void guard(String command) {
        if (isProduction() && !force) {
            throw new RehearsalException(ErrorCode.PRODUCTION_GUARD, "refusing to run '" + command
                    + "' against a production target (--env/REHEARSAL_ENV is '" + environment
                    + "'); nothing was changed. Re-run with --force if you mean it");
        }
    }

    boolean isProduction() {
        return environment != null && environment.trim().toLowerCase(Locale.ROOT).matches("prod|production");
    }
}
