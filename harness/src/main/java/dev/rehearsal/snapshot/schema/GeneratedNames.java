package dev.rehearsal.snapshot.schema;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Forgets the names an engine made up for foreign keys and check constraints the DDL left unnamed,
 * so those are matched by what they enforce instead.
 *
 * <p>Why: a generated name records creation order, not structure. MariaDB numbers unnamed foreign
 * keys {@code <table>_ibfk_N} and checks {@code CONSTRAINT_N}, and a foreign key dropped and re-added
 * by a rollback gets the next number; PostgreSQL calls two checks on one column {@code t_n_check} and
 * {@code t_n_check1} in whichever order they came. Keeping those names would report a rollback that
 * restored every constraint as "did not restore the schema", and two databases built by the same
 * statements in another order as different. With the name gone, a real change still shows: the
 * constraint with the old expression or columns is missing and one with the new is there.
 *
 * <p>A name counts as generated only when it is exactly what the engine would have chosen for this
 * table and these columns; an explicit {@code CONSTRAINT fk_docs_owner} keeps its name, and so does
 * any name after its table or column was renamed. An explicit name that happens to equal the
 * engine's choice is forgotten too: the two cannot be told apart, and nothing is lost but the name.
 * Unique constraints and indexes keep their names: the engines derive those from the columns alone,
 * and verification suites look indexes up by name.
 */
final class GeneratedNames {
    private static final String POSTGRES = "postgres";
    private static final String MARIADB = "mariadb";

    /** PostgreSQL's NAMEDATALEN - 1: the longest identifier, in bytes. */
    private static final int POSTGRES_MAX_NAME_BYTES = 63;

    private static final Pattern POSTGRES_LABEL = Pattern.compile("_(fkey|check)(\\d*)$");

    private static final Pattern MARIADB_CHECK = Pattern.compile("CONSTRAINT_\\d+", Pattern.CASE_INSENSITIVE);

    private GeneratedNames() {
    }

    /** {@code table} with the generated names of its foreign keys and checks set to null. */
    static Table forget(String dialect, Table table) {
        if (table.foreignKeys().stream().noneMatch(fk -> generated(dialect, table, fk))
                && table.checkConstraints().stream().noneMatch(check -> generated(dialect, table, check))) {
            return table;
        }
        List<ForeignKey> foreignKeys = table.foreignKeys().stream().map(fk -> generated(dialect, table, fk)
                ? new ForeignKey(null, fk.columns(), fk.referencedTable(), fk.referencedColumns(), fk.onDelete(), fk.onUpdate())
                : fk).toList();
        List<CheckConstraint> checks = table.checkConstraints().stream().map(check -> generated(dialect, table, check)
                ? new CheckConstraint(null, check.expression()) : check).toList();
        return new Table(table.name(), table.columns(), table.primaryKey(), foreignKeys, table.uniqueConstraints(),
                checks, table.indexes());
    }

    private static boolean generated(String dialect, Table table, ForeignKey fk) {
        if (fk.name() == null) {
            return false;
        }
        if (POSTGRES.equals(dialect)) {
            return postgres(fk.name(), table.name(), List.of(foreignKeyAddition(fk.columns())), "fkey");
        }
        return MARIADB.equals(dialect) && fk.name().matches("(?i)" + Pattern.quote(table.name()) + "_ibfk_\\d+");
    }

    private static boolean generated(String dialect, Table table, CheckConstraint check) {
        if (check.name() == null) {
            return false;
        }
        if (POSTGRES.equals(dialect)) {
            // A check on one column is <table>_<column>_check, on none or several <table>_check.
            return postgres(check.name(), table.name(), checkAdditions(table), "check");
        }
        return MARIADB.equals(dialect) && MARIADB_CHECK.matcher(check.name()).matches();
    }

    private static List<String> checkAdditions(Table table) {
        List<String> additions = new ArrayList<>();
        additions.add(null);
        table.columns().forEach(c -> additions.add(c.name()));
        return additions;
    }

    /**
     * Whether {@code name} is what PostgreSQL's ChooseConstraintName gives for {@code table}, one of
     * {@code additions} and {@code label}, or that with the counter it appends on a clash.
     */
    private static boolean postgres(String name, String table, List<String> additions, String label) {
        Matcher suffix = POSTGRES_LABEL.matcher(name);
        if (!suffix.find() || !suffix.group(1).equals(label)) {
            return false;
        }
        String numberedLabel = label + suffix.group(2);
        return additions.stream().anyMatch(addition -> name.equals(makeObjectName(table, addition, numberedLabel)));
    }

    /** PostgreSQL's ChooseForeignKeyConstraintNameAddition: the column names joined by {@code _}. */
    private static String foreignKeyAddition(List<String> columns) {
        StringBuilder addition = new StringBuilder();
        for (String column : columns) {
            if (addition.length() > 0) {
                addition.append('_');
            }
            addition.append(column);
            if (bytes(addition.toString()) > POSTGRES_MAX_NAME_BYTES) {
                break;
            }
        }
        return addition.toString();
    }

    /**
     * PostgreSQL's makeObjectName: {@code name1_name2_label}, the longer of the two names shortened
     * first until the whole fits in 63 bytes, never cutting a character in half.
     */
    static String makeObjectName(String name1, String name2, String label) {
        int overhead = label.length() + 1 + (name2 == null ? 0 : 1);
        int available = POSTGRES_MAX_NAME_BYTES - overhead;
        int name1Bytes = bytes(name1);
        int name2Bytes = name2 == null ? 0 : bytes(name2);
        while (name1Bytes + name2Bytes > available) {
            if (name1Bytes > name2Bytes) {
                name1Bytes--;
            } else {
                name2Bytes--;
            }
        }
        return clip(name1, name1Bytes) + (name2 == null ? "" : "_" + clip(name2, name2Bytes)) + "_" + label;
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The longest prefix of {@code text} that fits in {@code maxBytes} UTF-8 bytes. */
    private static String clip(String text, int maxBytes) {
        int used = 0;
        int end = 0;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            int size = bytes(new String(Character.toChars(codePoint)));
            if (used + size > maxBytes) {
                break;
            }
            used += size;
            end += Character.charCount(codePoint);
        }
        return text.substring(0, end);
    }
}
