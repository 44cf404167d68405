package dev.rehearsal.rehearse;

import dev.rehearsal.snapshot.data.DatabaseFingerprint;
import dev.rehearsal.snapshot.data.TableFingerprint;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How many rows a passing data proof compared. A proof over tables that were all empty proves
 * nothing about data, so it is a warning ("proved on 0 rows"), not a pass; the tables the generator
 * could not fill are named with the reason. A state without any table has no data to lose: a plain pass.
 */
record ProofRows(long rows, int tables, Map<String, String> unfilled) {

    static ProofRows of(DatabaseFingerprint before, SeededRows seeded) {
        List<TableFingerprint> tables = before.tables();
        Map<String, String> unfilled = seeded.unfilled().entrySet().stream()
                .filter(e -> tables.stream().anyMatch(t -> t.table().equalsIgnoreCase(e.getKey())))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
        return new ProofRows(tables.stream().mapToLong(TableFingerprint::rowCount).sum(), tables.size(), unfilled);
    }

    StepOutcome outcome() {
        if (tables == 0) {
            return StepOutcome.passed();
        }
        String notFilled = unfilled.isEmpty() ? null : unfilled.entrySet().stream()
                .map(e -> "not filled: " + e.getKey() + ": " + e.getValue()).collect(Collectors.joining("\n"));
        if (rows == 0) {
            String message = "proved on 0 rows: every table was empty before up; bind a fixture to the migration"
                    + " before it, or set generated-rows in rehearsal.yaml above 0";
            return StepOutcome.warning(message, notFilled);
        }
        String message = "proved on " + rows + " rows in " + tables + (tables == 1 ? " table" : " tables");
        return StepOutcome.passed(notFilled == null ? message : message + "\n" + notFilled);
    }
}
