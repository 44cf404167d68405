package dev.rehearsal.cli;

import picocli.CommandLine.Option;

/** {@code --json}: the command's result as one JSON document on standard output (see {@link JsonOutput}). */
final class JsonOption {
    @Option(names = "--json", description = "Print the result as one JSON document on standard output (schema:"
            + " dev/rehearsal/cli/cli-output.schema.json in the jar); progress goes to standard error.")
    boolean enabled;
}
