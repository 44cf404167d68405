package dev.rehearsal.migration;

import java.nio.file.Path;
import java.util.Locale;

/**
 * goose: {@code -- +goose Up}, {@code -- +goose Down}, {@code -- +goose NO TRANSACTION} (anywhere, both
 * directions), {@code -- +goose StatementBegin} / {@code StatementEnd}, {@code -- +goose ENVSUB ON|OFF}.
 */
final class GooseReader extends SingleFileReader {

    GooseReader() {
        super(MigrationFormat.GOOSE, new Syntax());
    }

    private static final class Syntax extends MarkerSyntax {

        Syntax() {
            super("-- +goose Up", "-- +goose Down", "--\\s*\\+goose\\b.*");
        }

        @Override
        Directive parse(String line, Path file, int number) {
            String command = line.replaceFirst("--\\s*\\+goose", "").trim().replaceAll("\\s+", " ")
                    .toUpperCase(Locale.ROOT);
            switch (command) {
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
                            + " '-- +goose Down', '-- +goose NO TRANSACTION', '-- +goose StatementBegin' or"
                            + " '-- +goose StatementEnd'");
            }
        }
    }
}
