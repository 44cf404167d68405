package dev.rehearsal.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The migrations of {@link EngineCycleBenchmark}, written twice: as paired {@code .up.sql} /
 * {@code .down.sql} files for Rehearsal and as one Liquibase formatted-SQL changelog with the same
 * statements as {@code --rollback} lines. Migration 1 creates {@code base} and seeds it with
 * {@code seedRows} rows (a recursive CTE); every later one creates a table with an index and a foreign
 * key to {@code base}, copies 1/200 of the seed into it and bumps a counter on those seed rows; its
 * down script reverts the counter and drops the table, so every rollback restores schema and data.
 */
final class CycleMigrations {
    static final String CHANGELOG = "changelog.sql";

    private CycleMigrations() {
    }

    record Change(String name, List<String> up, List<String> down) {
    }

    static Change change(int i, long seedRows) {
        if (i == 1) {
            return new Change("create_base", List.of(
                    "CREATE TABLE base (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL, counter INTEGER NOT NULL DEFAULT 0,"
                            + " amount REAL, note TEXT)",
                    "WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < " + seedRows + ")"
                            + " INSERT INTO base (id, name, counter, amount, note)"
                            + " SELECT n, 'row ' || n, 0, n * 0.25, CASE WHEN n % 3 = 0 THEN NULL ELSE 'note ' || (n % 97) END FROM seq",
                    "CREATE INDEX idx_base_name ON base (name)"),
                    List.of("DROP TABLE base"));
        }
        String t = "t_" + i;
        String slice = "id % 200 = " + (i % 200);
        return new Change("create_" + t, List.of(
                "CREATE TABLE " + t + " (id INTEGER PRIMARY KEY, base_id INTEGER NOT NULL REFERENCES base (id),"
                        + " label VARCHAR(100) NOT NULL, amount REAL)",
                "CREATE INDEX idx_" + t + "_base ON " + t + " (base_id)",
                "INSERT INTO " + t + " (id, base_id, label, amount) SELECT id, id, 'copy of ' || name, amount * 2 FROM base WHERE " + slice,
                "UPDATE base SET counter = counter + 1 WHERE " + slice),
                List.of("UPDATE base SET counter = counter - 1 WHERE " + slice, "DROP TABLE " + t));
    }

    /** Paired files under {@code rehearsal}, the changelog under {@code liquibase}. */
    static void write(Path rehearsal, Path liquibase, int count, long seedRows) throws IOException {
        Files.createDirectories(rehearsal);
        Files.createDirectories(liquibase);
        StringBuilder changelog = new StringBuilder("--liquibase formatted sql\n");
        for (int i = 1; i <= count; i++) {
            Change change = change(i, seedRows);
            String stem = String.format(Locale.ROOT, "%04d_%s", i, change.name());
            Files.writeString(rehearsal.resolve(stem + ".up.sql"), script(change.up()));
            Files.writeString(rehearsal.resolve(stem + ".down.sql"), script(change.down()));
            changelog.append("\n--changeset bench:").append(i).append('\n').append(script(change.up()));
            change.down().forEach(sql -> changelog.append("--rollback ").append(sql).append(";\n"));
        }
        Files.writeString(liquibase.resolve(CHANGELOG), changelog);
    }

    private static String script(List<String> statements) {
        StringBuilder sql = new StringBuilder();
        statements.forEach(s -> sql.append(s).append(";\n"));
        return sql.toString();
    }
}
