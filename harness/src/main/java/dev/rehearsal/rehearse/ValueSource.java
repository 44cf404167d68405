package dev.rehearsal.rehearse;

import dev.rehearsal.snapshot.schema.Column;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a column's values come from when a redo cannot give the same ones again: its default reads
 * the clock or a random source, or a counter numbers it that the rollback does not reset. Read from
 * the default and generation the schema snapshot reports (PostgreSQL {@code now()}, MariaDB
 * {@code current_timestamp()}, SQLite {@code datetime('now')}...).
 */
enum ValueSource {
    CLOCK("its values come from the clock"),
    RANDOM("its values are random"),
    COUNTER("its values come from a counter that the rollback does not reset");

    // Keywords and calls that read the clock; matched outside string literals.
    private static final Pattern CLOCK_CALL = Pattern.compile("\\b(?:current_timestamp|current_date|current_time"
            + "|localtimestamp|localtime|systimestamp|sysdate)\\b|\\b(?:now|getdate|clock_timestamp|statement_timestamp"
            + "|transaction_timestamp|timeofday|curdate|curtime|utc_timestamp|utc_date|utc_time)\\s*\\("
            + "|\\b(?:unix_timestamp|unixepoch)\\s*\\(\\s*\\)", Pattern.CASE_INSENSITIVE);
    // SQLite's date functions read the clock for the time value 'now' only.
    private static final Pattern SQLITE_NOW = Pattern.compile(
            "\\b(?:date|time|datetime|julianday|unixepoch|strftime|timediff)\\s*\\([^)]*'now'", Pattern.CASE_INSENSITIVE);
    private static final Pattern RANDOM_CALL = Pattern.compile("\\b(?:random|rand|randomblob|gen_random_uuid"
            + "|gen_random_bytes|uuid|uuid_short|uuid_generate_v1|uuid_generate_v1mc|uuid_generate_v4|uuidv4|uuidv7"
            + "|sys_guid|newid)\\s*\\(", Pattern.CASE_INSENSITIVE);
    private static final Pattern STRING_LITERAL = Pattern.compile("'(?:[^']|'')*'");

    private final String explanation;

    ValueSource(String explanation) {
        this.explanation = explanation;
    }

    /** {@code its values come from the clock}. */
    String explanation() {
        return explanation;
    }

    /** What makes {@code column}'s values unrepeatable, if anything does. */
    static Optional<ValueSource> of(Column column) {
        String generated = column.generated() == null ? "" : column.generated();
        String expression = column.defaultValue() == null ? "" : column.defaultValue();
        Optional<ValueSource> read = clockOrRandom(expression);
        if (read.isPresent()) {
            return read;
        }
        String code = STRING_LITERAL.matcher(expression).replaceAll("''");
        if (generated.matches("(?i).*\\b(?:AUTO_?INCREMENT|IDENTITY)\\b.*") || code.matches("(?i)^nextval\\s*\\(.*")) {
            return Optional.of(COUNTER);
        }
        return Optional.empty();
    }

    /** Whether {@code sql} (a default, or a whole statement) reads the clock or a random source. */
    static Optional<ValueSource> clockOrRandom(String sql) {
        String code = STRING_LITERAL.matcher(sql).replaceAll("''");
        if (SQLITE_NOW.matcher(sql).find() || CLOCK_CALL.matcher(code).find()) {
            return Optional.of(CLOCK);
        }
        if (RANDOM_CALL.matcher(code).find()) {
            return Optional.of(RANDOM);
        }
        return Optional.empty();
    }

    /** How the column gets its values: its default expression, else its generation ({@code AUTOINCREMENT}). */
    static String origin(Column column) {
        return column.defaultValue() != null ? "defaults to " + column.defaultValue() : "is " + column.generated();
    }
}
