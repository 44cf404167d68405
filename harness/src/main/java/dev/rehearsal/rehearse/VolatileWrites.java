package dev.rehearsal.rehearse;

import dev.rehearsal.migration.MigrationScript;
import dev.rehearsal.migration.sql.SqlStatement;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statements of an up script that write a value from the clock or a random source into a table
 * ({@code INSERT ... now()}, {@code UPDATE ... SET token = gen_random_uuid()}): a redo writes other
 * values, and the redo comparison says which statement did it.
 */
final class VolatileWrites {
    private static final Pattern LEADING_COMMENTS = Pattern.compile("^(?:\\s+|--[^\\n]*\\n?|/\\*.*?\\*/)+", Pattern.DOTALL);
    private static final Pattern WRITE = Pattern.compile("^(insert\\s+(?:or\\s+\\w+\\s+)?into|replace\\s+into|update)"
            + "\\s+(?:only\\s+)?([`\"\\[]?[\\w$]+[`\"\\]]?(?:\\.[`\"\\[]?[\\w$]+[`\"\\]]?)?)",
            Pattern.CASE_INSENSITIVE);

    /** One statement that writes volatile values into {@code table}. */
    record Write(String verb, SqlStatement statement, ValueSource source, String where) {
        /** {@code UPDATE at 2_add_token.up.sql:3}. */
        String describe() {
            return "written by the " + verb + " at " + where + ", which " + (source == ValueSource.CLOCK
                    ? "reads the clock" : "draws random values");
        }
    }

    private VolatileWrites() {
    }

    /** The first statement of {@code up} that writes values from the clock or chance into {@code table}. */
    static Optional<Write> into(MigrationScript up, String table) {
        if (up == null) {
            return Optional.empty();
        }
        for (SqlStatement statement : up.statements()) {
            String sql = LEADING_COMMENTS.matcher(statement.sql()).replaceFirst("");
            Matcher write = WRITE.matcher(sql);
            if (!write.find() || !table.equalsIgnoreCase(unqualified(write.group(2)))) {
                continue;
            }
            Optional<ValueSource> source = ValueSource.clockOrRandom(sql);
            if (source.isPresent()) {
                String verb = write.group(1).toUpperCase(Locale.ROOT).split("\\s+")[0];
                return Optional.of(new Write(verb, statement, source.get(), where(up.file(), statement.line())));
            }
        }
        return Optional.empty();
    }

    private static String unqualified(String name) {
        String last = name.substring(name.lastIndexOf('.') + 1);
        return last.replaceAll("^[`\"\\[]|[`\"\\]]$", "");
    }

    /** {@code 2_add_token.up.sql:3}; a diesel {@code up.sql} with its folder. */
    private static String where(Path file, int line) {
        Path name = file.getFileName();
        Path parent = file.getParent();
        boolean generic = name.toString().equals("up.sql") && parent != null && parent.getFileName() != null;
        return (generic ? parent.getFileName() + "/" + name : name.toString()) + ":" + line;
    }
}
