package dev.rehearsal.backup;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What {@code verify} found for one backup.
 *
 * @param passed the checks that passed, in the order they ran ("sha256 matches the manifest", ...)
 * @param problems what is wrong; empty when the backup is sound
 * @param trialRestored true when a restore into a scratch database was part of the checks
 * @since 0.1
 */
public record VerificationOutcome(Backup backup, List<String> passed, List<String> problems, boolean trialRestored) {

    public VerificationOutcome {
        passed = List.copyOf(passed);
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    /** {@code backup X: OK} or {@code FAILED}, then one line per check. */
    public String render() {
        String head = "backup " + backup.name() + ": " + (ok() ? "OK" : "FAILED");
        return Stream.concat(passed.stream().map(p -> "  ok    " + p), problems.stream().map(p -> "  FAIL  " + p))
                .collect(Collectors.joining("\n", head + "\n", ""));
    }
}
