package dev.rehearsal.rehearse;

import dev.rehearsal.migration.MigrationScript;
import dev.rehearsal.rehearse.plan.Declarations;
import dev.rehearsal.snapshot.data.DatabaseFingerprint;
import dev.rehearsal.snapshot.data.FingerprintDiffer;
import dev.rehearsal.snapshot.data.TableFingerprint;
import dev.rehearsal.snapshot.diff.Diff;
import dev.rehearsal.snapshot.diff.Difference;
import dev.rehearsal.snapshot.schema.Column;
import dev.rehearsal.snapshot.schema.SchemaDiffer;
import dev.rehearsal.snapshot.schema.SchemaSnapshot;
import dev.rehearsal.snapshot.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The state after redo against the state after the first up: schema and data, less the tables whose
 * only changed values are in columns rehearsal.yaml declares {@code volatile} (those tables are
 * compared by row count and by the checksums of their other columns, column by column), and why
 * the columns whose values did change could not be reproduced, where their schema says so.
 */
final class RedoComparison {
    static final String AFTER_UP = "after up";
    static final String AFTER_REDO = "after redo";

    /**
     * A column whose changed values came from a source a redo cannot repeat.
     *
     * @param origin how its values were made: {@code defaults to now()}, {@code written by the UPDATE at 2_x.up.sql:3, ...}
     */
    private record Unrepeatable(String name, String origin, ValueSource source) {
    }

    private final DatabaseFingerprint afterUp;
    private final Declarations declarations;
    private final Diff schema;
    private final Diff data;
    private final List<Unrepeatable> unrepeatable;

    private RedoComparison(DatabaseFingerprint afterUp, Declarations declarations, Diff schema, Diff data,
            List<Unrepeatable> unrepeatable) {
        this.afterUp = afterUp;
        this.declarations = declarations;
        this.schema = schema;
        this.data = data;
        this.unrepeatable = List.copyOf(unrepeatable);
    }

    /** @param up the migration's up script, whose statements may write the values a redo cannot repeat; null for none */
    static RedoComparison compare(DatabaseState afterUp, DatabaseState afterRedo, Declarations declarations,
            MigrationScript up) {
        Diff schema = SchemaDiffer.compare(afterUp.schema(), afterRedo.schema(), AFTER_UP, AFTER_REDO);
        Diff data = dataDifferences(afterUp.data(), afterRedo.data(), declarations, AFTER_REDO);
        return new RedoComparison(afterUp.data(), declarations, schema, data,
                unrepeatable(data, afterUp, afterRedo.data(), declarations, up));
    }

    /** The data differences between the state after up and {@code other}, less tables that differ in volatile columns only. */
    private static Diff dataDifferences(DatabaseFingerprint afterUp, DatabaseFingerprint other, Declarations declarations,
            String otherLabel) {
        Diff all = FingerprintDiffer.compare(afterUp, other, AFTER_UP, otherLabel);
        return new Diff(AFTER_UP, otherLabel, all.differences().stream()
                .filter(d -> !onlyVolatileColumnsChanged(d, afterUp, other, declarations)).toList());
    }

    boolean isEmpty() {
        return schema.isEmpty() && data.isEmpty();
    }

    Diff differences() {
        return schema.plus(data);
    }

    /** The data differences alone (the row sample looks at these). */
    Diff data() {
        return data;
    }

    /** Whether {@code rebuilt} holds the data after up, as the redo comparison sees it (volatile columns aside). */
    boolean isAfterUp(DatabaseFingerprint rebuilt) {
        return dataDifferences(afterUp, rebuilt, declarations, "rebuilt").isEmpty();
    }

    /**
     * Whether a state after up rebuilt elsewhere can show the rows behind the differences: not when
     * a changed column reads the clock or a random source (the rebuild reads them anew).
     */
    boolean rebuildable() {
        return unrepeatable.stream().allMatch(u -> u.source() == ValueSource.COUNTER);
    }

    /**
     * One line per column whose changed values have a source a redo cannot repeat, then what to do;
     * null when there is none.
     */
    String explanation() {
        if (unrepeatable.isEmpty()) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        unrepeatable.forEach(u -> lines.add(u.name() + " " + u.origin() + ": "
                + u.source().explanation() + ", so redo cannot reproduce them"));
        List<String> clockOrRandom = unrepeatable.stream().filter(u -> u.source() != ValueSource.COUNTER)
                .map(u -> "\"" + u.name() + "\"").toList();
        if (!clockOrRandom.isEmpty()) {
            boolean one = clockOrRandom.size() == 1;
            lines.add("if the migration is right, declare " + (one ? "the column" : "these columns")
                    + " volatile in rehearsal.yaml to leave " + (one ? "it" : "them")
                    + " out of the redo comparison: volatile: [" + String.join(", ", clockOrRandom) + "]");
        }
        if (unrepeatable.stream().anyMatch(u -> u.source() == ValueSource.COUNTER)) {
            lines.add("rows the rollback deletes come back from the redo with new numbers: insert them with"
                    + " explicit ids in the up, or reset the counter in the down");
        }
        return String.join("\n", lines);
    }

    /**
     * The changed columns, in tables whose row count did not change, whose source a redo cannot
     * repeat; volatile ones aside: they are declared already.
     */
    private static List<Unrepeatable> unrepeatable(Diff data, DatabaseState afterUp, DatabaseFingerprint afterRedo,
            Declarations declarations, MigrationScript up) {
        List<Unrepeatable> found = new ArrayList<>();
        for (Difference d : data.differences()) {
            Optional<TableFingerprint> before = afterUp.data().table(d.subject());
            Optional<TableFingerprint> after = afterRedo.table(d.subject());
            Optional<Table> table = table(afterUp.schema(), d.subject());
            if (before.isEmpty() || after.isEmpty() || table.isEmpty()
                    || before.get().rowCount() != after.get().rowCount()) {
                continue;
            }
            for (String name : before.get().changedColumns(after.get())) {
                if (declarations.isVolatile(table.get().name(), name)) {
                    continue;
                }
                Optional<Column> column = column(table.get(), name);
                Optional<ValueSource> byDefault = column.flatMap(ValueSource::of);
                String qualified = table.get().name() + "." + column.map(Column::name).orElse(name);
                if (byDefault.isPresent()) {
                    found.add(new Unrepeatable(qualified, ValueSource.origin(column.get()), byDefault.get()));
                } else {
                    VolatileWrites.into(up, table.get().name()).ifPresent(write -> found.add(
                            new Unrepeatable(qualified, write.describe(), write.source())));
                }
            }
        }
        return found;
    }

    private static boolean onlyVolatileColumnsChanged(Difference d, DatabaseFingerprint afterUp,
            DatabaseFingerprint other, Declarations declarations) {
        if (!(d instanceof Difference.Changed)) {
            return false;
        }
        Optional<TableFingerprint> before = afterUp.table(d.subject());
        Optional<TableFingerprint> after = other.table(d.subject());
        if (before.isEmpty() || after.isEmpty() || before.get().rowCount() != after.get().rowCount()) {
            return false;
        }
        List<String> changed = before.get().changedColumns(after.get());
        return !changed.isEmpty() && changed.stream().allMatch(c -> declarations.isVolatile(d.subject(), c));
    }

    private static Optional<Table> table(SchemaSnapshot schema, String name) {
        return schema.table(name).or(() -> schema.tables().stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst());
    }

    private static Optional<Column> column(Table table, String name) {
        return table.column(name).or(() -> table.columns().stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst());
    }
}
