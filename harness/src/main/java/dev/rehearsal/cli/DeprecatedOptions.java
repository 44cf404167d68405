package dev.rehearsal.cli;

import picocli.CommandLine.Model.CommandSpec;

/**
 * Old option names kept as hidden aliases: they still work and say, on one line of standard error,
 * which name replaced them. One name per meaning across commands ({@code --backup-dir} everywhere a
 * command reads or writes backups; {@code --dir} was backup's and stage's).
 */
final class DeprecatedOptions {
    private DeprecatedOptions() {
    }

    /** Prints the deprecation note for {@code old} on {@code spec}'s standard error. */
    static void note(CommandSpec spec, String old, String replacement) {
        spec.commandLine().getErr().println("note: " + old + " is deprecated and will be removed; use " + replacement
                + " (same meaning)");
        spec.commandLine().getErr().flush();
    }
}
