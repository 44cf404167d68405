package dev.rehearsal.migration;

import java.nio.file.Path;
import java.util.Locale;

/** dbmate: {@code -- migrate:up} and {@code -- migrate:down}, each optionally followed by {@code transaction:false}. */
final class DbmateReader extends SingleFileReader {

    DbmateReader() {
        super(MigrationFormat.DBMATE, new Syntax());
    }

    private static final class Syntax extends MarkerSyntax {

        Syntax() {
            super("-- migrate:up", "-- migrate:down", "--\\s*migrate:.*");
        }

        @Override
        Directive parse(String line, Path file, int number) {
            String[] words = line.replaceFirst("--\\s*migrate:", "").trim().toLowerCase(Locale.ROOT).split("\\s+");
            Kind kind;
            if (words[0].equals("up")) {
                kind = Kind.UP;
            } else if (words[0].equals("down")) {
                kind = Kind.DOWN;
            } else {
                throw MarkedFile.error(file, number, "unknown directive '" + line
                        + "'; use '-- migrate:up' or '-- migrate:down'");
            }
            boolean noTransaction = false;
            for (int i = 1; i < words.length; i++) {
                if (words[i].equals("transaction:false")) {
                    noTransaction = true;
                } else if (!words[i].equals("transaction:true")) {
                    throw MarkedFile.error(file, number, "unknown option '" + words[i] + "' in '" + line
                            + "'; the only option is transaction:false (or transaction:true)");
                }
            }
            return new Directive(kind, noTransaction);
        }
    }
}
