package dev.rehearsal.migration;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;

/**
 * goose: {@code -- +goose Up}, {@code -- +goose Down}, {@code -- +goose NO TRANSACTION} (anywhere, both
 * directions), {@code -- +goose StatementBegin} / {@code StatementEnd}, {@code -- +goose ENVSUB ON|OFF}.
 */
final class GooseReader extends SingleFileReader {

    GooseReader() {
        super(MigrationFormat.GOOSE, new Syntax());
    }

    /**
     * The text with goose's environment substitution applied to every line between
     * {@code -- +goose ENVSUB ON} and {@code -- +goose ENVSUB OFF} (or the end of the file), wherever
     * the region starts, as goose does (see {@link EnvironmentInterpolation}). Directive and comment-only
     * lines stay as written, and so does the number of lines unless a value holds a line break.
     *
     * @param environment a variable's value, or null when it is unset
     */
    static String substituteEnvironment(Path file, String text, Function<String, String> environment) {
        Syntax syntax = new Syntax();
        String[] lines = text.split("\n", -1);
        boolean on = false;
        for (int i = 0; i < lines.length; i++) {
            String trimmed = lines[i].trim();
            if (syntax.isDirective(trimmed)) {
                String command = Syntax.command(trimmed);
                on = command.equals("ENVSUB ON") || on && !command.equals("ENVSUB OFF");
            } else if (on && !trimmed.startsWith("--")) {
                lines[i] = EnvironmentInterpolation.expand(lines[i], environment, file, i + 1);
            }
        }
        return String.join("\n", lines);
    }

    private static final class Syntax extends MarkerSyntax {

        Syntax() {
            super("-- +goose Up", "-- +goose Down", "--\\s*\\+goose\\b.*");
        }

        static String command(String line) {
            return line.replaceFirst("--\\s*\\+goose", "").trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
        }

        @Override
        String substitute(Path file, String text) {
            return substituteEnvironment(file, text, System::getenv);
        }

        @Override
        Directive parse(String line, Path file, int number) {
            switch (command(line)) {
                case "UP":
                    return new Directive(Kind.UP, false);
                case "DOWN":
                    return new Directive(Kind.DOWN, false);
                case "NO TRANSACTION":
                    return new Directive(Kind.NO_TRANSACTION, true);
                case "STATEMENTBEGIN":
                case "STATEMENTEND":
                case "ENVSUB ON":
                case "ENVSUB OFF":
                    return new Directive(Kind.OTHER, false);
                default:
                    throw MarkedFile.error(file, number, "unknown directive '" + line + "'; use '-- +goose Up',"
                            + " '-- +goose Down', '-- +goose NO TRANSACTION', '-- +goose StatementBegin',"
                            + " '-- +goose StatementEnd', '-- +goose ENVSUB ON' or '-- +goose ENVSUB OFF'");
            }
        }
    }
}
