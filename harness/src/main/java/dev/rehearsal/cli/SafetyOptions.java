package dev.rehearsal.cli;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.ProductionLabels;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The production guard of every command that changes its target or creates databases on its server.
 * The label comes from both {@code $REHEARSAL_ENV} and {@code --env}: when either means production
 * (see {@link ProductionLabels}), the command refuses without {@code --force}. A flag can raise the
 * protection, never lower it: {@code --env staging} does not undo {@code REHEARSAL_ENV=production}.
 */
final class SafetyOptions {
    @Option(names = "--env", paramLabel = "ENV",
            description = "Environment label of the target (development, staging, production). $REHEARSAL_ENV counts"
                    + " too: when either is a production label (prod, prd, production, prod-eu, ... or one listed in"
                    + " $REHEARSAL_PRODUCTION_LABELS) the command needs --force.")
    String environment;

    @Option(names = "--force", description = "Run against a target labelled production.")
    boolean force;

    void guard(String command) {
        guard(command, System.getenv());
    }

    void guard(String command, Map<String, String> processEnvironment) {
        if (force) {
            return;
        }
        Map<String, String> flags = new HashMap<>();
        flags.put("--env", environment);
        ProductionLabels.productionSource(processEnvironment, flags).ifPresent(source -> {
            throw new RehearsalException(ErrorCode.PRODUCTION_GUARD, "refusing to run '" + command
                    + "' against a production target (" + source + "; a flag can raise the protection, never lower"
                    + " it); nothing was changed. Re-run with --force if you mean it");
        });
    }
}
