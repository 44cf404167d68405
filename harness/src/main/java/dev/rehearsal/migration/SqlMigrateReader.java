package dev.rehearsal.migration;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * sql-migrate: {@code -- +migrate Up [notransaction]}, {@code -- +migrate Down [notransaction]},
 * {@code -- +migrate StatementBegin} / {@code StatementEnd}.
 */
final class SqlMigrateReader extends SingleFileReader {

    SqlMigrateReader() {
        super(MigrationFormat.SQL_MIGRATE, new Syntax());
    }

    private static final class Syntax extends MarkerSyntax {
        private static final String PREFIX = "-- +migrate";

        Syntax() {
            super("-- +migrate Up", "-- +migrate Down", "--\\s*\\+migrate\\b.*");
        }

        @Override
        Directive parse(String line, Path file, int number) {
            List<String> words = Arrays.asList(line.replaceFirst("--\\s*\\+migrate", "").trim()
                    .toLowerCase(Locale.ROOT).split("\\s+"));
            String command = words.get(0);
            List<String> options = words.subList(1, words.size());
            boolean known = switch (command) {
                case "up", "down" -> options.isEmpty() || options.equals(List.of("notransaction"));
                case "statementbegin", "statementend" -> options.isEmpty();
                default -> false;
            };
            if (!known) {
                throw MarkedFile.error(file, number, "unknown directive '" + line + "'; use '" + PREFIX
                        + " Up', '" + PREFIX + " Down' (either optionally followed by 'notransaction'), '"
                        + PREFIX + " StatementBegin' or '" + PREFIX + " StatementEnd'");
            }
            boolean noTransaction = !options.isEmpty();
            if (command.equals("up")) {
                return new Directive(Kind.UP, noTransaction);
            }
            return new Directive(command.equals("down") ? Kind.DOWN : Kind.OTHER, noTransaction);
        }
    }
}
