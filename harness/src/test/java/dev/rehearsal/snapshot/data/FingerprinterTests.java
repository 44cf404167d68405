package dev.rehearsal.snapshot.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.database.IsolatedDatabase;
import dev.rehearsal.testing.TestDatabases;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FingerprinterTests {
    private static final String ENGINES = "dev.rehearsal.testing.TestDatabases#engines";

    @ParameterizedTest
    @MethodSource(ENGINES)
    void sameRowsInsertedInAnotherOrderGiveTheSameFingerprint(String engine) throws Exception {
        try (IsolatedDatabase one = TestDatabases.create(engine); IsolatedDatabase two = TestDatabases.create(engine);
                Connection a = one.target().connect(); Connection b = two.target().connect()) {
            String ddl = "create table items (id integer primary key, name varchar(20), price decimal(10,2))";
            Sql.run(a, ddl, "insert into items values (1, 'a', 1.50)", "insert into items values (2, 'b', 2.00)",
                    "insert into items values (3, null, 3.25)");
            Sql.run(b, ddl, "insert into items values (3, null, 3.25)", "insert into items values (1, 'a', 1.50)",
                    "insert into items values (2, 'b', 2.00)");

            DatabaseFingerprint fa = Fingerprinter.fingerprint(a, one.target().dialect(), Set.of());
            DatabaseFingerprint fb = Fingerprinter.fingerprint(b, two.target().dialect(), Set.of());

            assertThat(fa).isEqualTo(fb);
            assertThat(fa.table("items").orElseThrow().rowCount()).isEqualTo(3);
            assertThat(fa.table("items").orElseThrow().columnChecksums()).containsOnlyKeys("id", "name", "price");
        }
    }

    @ParameterizedTest
    @MethodSource(ENGINES)
    void nullEmptyTextAndZeroAllDiffer(String engine) throws Exception {
        try (IsolatedDatabase db = TestDatabases.create(engine); Connection c = db.target().connect()) {
            Sql.run(c, "create table a (v varchar(10))", "create table b (v varchar(10))", "create table z (v varchar(10))",
                    "insert into a values (null)", "insert into b values ('')", "insert into z values ('0')");
            var d = db.target().dialect();
            String nullSum = Fingerprinter.fingerprintTable(c, d, "a").checksum();
            String emptySum = Fingerprinter.fingerprintTable(c, d, "b").checksum();
            String zeroSum = Fingerprinter.fingerprintTable(c, d, "z").checksum();

            assertThat(Set.of(nullSum, emptySum, zeroSum)).hasSize(3);
        }
    }

    @ParameterizedTest
    @MethodSource(ENGINES)
    void duplicateRowsCount(String engine) throws Exception {
        try (IsolatedDatabase db = TestDatabases.create(engine); Connection c = db.target().connect()) {
            Sql.run(c, "create table once (v integer)", "create table twice (v integer)", "create table thrice (v integer)",
                    "insert into once values (7)", "insert into twice values (7)", "insert into twice values (7)",
                    "insert into thrice values (7)", "insert into thrice values (7)", "insert into thrice values (7)");
            var d = db.target().dialect();
            TableFingerprint once = Fingerprinter.fingerprintTable(c, d, "once");
            TableFingerprint twice = Fingerprinter.fingerprintTable(c, d, "twice");
            TableFingerprint thrice = Fingerprinter.fingerprintTable(c, d, "thrice");

            assertThat(twice.rowCount()).isEqualTo(2);
            // Pairs must not cancel out, as they would with XOR.
            assertThat(Set.of(once.checksum(), twice.checksum(), thrice.checksum())).hasSize(3);
            assertThat(twice.checksum()).isNotEqualTo("0".repeat(32));
        }
    }

    @ParameterizedTest
    @MethodSource(ENGINES)
    void everyColumnTypeEncodesAndAChangeMovesOnlyItsColumnChecksum(String engine) throws Exception {
        Map<String, String[]> columns = new LinkedHashMap<>();
        // column -> {type, value, other value}
        columns.put("i", new String[] {"integer", "1", "2"});
        columns.put("b", new String[] {"bigint", "9007199254740993", "9007199254740992"});
        columns.put("d", new String[] {"decimal(12,3)", "1.500", "1.501"});
        columns.put("r", new String[] {Sql.type(engine, "real", "real", "float"), "0.5", "0.25"});
        columns.put("f", new String[] {Sql.type(engine, "double", "double precision", "double"), "0.1", "-0.1"});
        columns.put("t", new String[] {"varchar(20)", "'héllo 🐘'", "'hello'"});
        columns.put("bl", new String[] {Sql.type(engine, "blob", "bytea", "blob"),
            Sql.type(engine, "x'00ff'", "'\\x00ff'::bytea", "x'00ff'"), Sql.type(engine, "x'00fe'", "'\\x00fe'::bytea", "x'00fe'")});
        columns.put("dt", new String[] {"date", "'2024-02-29'", "'2024-03-01'"});
        columns.put("ts", new String[] {Sql.type(engine, "timestamp", "timestamp", "datetime(6)"),
            "'2024-02-29 10:11:12.123456'", "'2024-02-29 10:11:12.123457'"});
        columns.put("bo", new String[] {"boolean", "true", "false"});

        try (IsolatedDatabase db = TestDatabases.create(engine); Connection c = db.target().connect()) {
            var d = db.target().dialect();
            StringBuilder ddl = new StringBuilder("create table typed (id integer primary key");
            StringBuilder values = new StringBuilder("insert into typed values (1");
            columns.forEach((name, spec) -> {
                ddl.append(", ").append(name).append(' ').append(spec[0]);
                values.append(", ").append(spec[1]);
            });
            Sql.run(c, ddl + ")", values + ")");
            TableFingerprint original = Fingerprinter.fingerprintTable(c, d, "typed");
            assertThat(Fingerprinter.fingerprintTable(c, d, "typed")).isEqualTo(original);

            for (Map.Entry<String, String[]> column : columns.entrySet()) {
                String name = column.getKey();
                for (String changed : new String[] {column.getValue()[2], "null"}) {
                    Sql.run(c, "update typed set " + name + " = " + changed);
                    TableFingerprint after = Fingerprinter.fingerprintTable(c, d, "typed");

                    assertThat(after.checksum()).as("%s = %s", name, changed).isNotEqualTo(original.checksum());
                    assertThat(changedColumns(original, after)).as("%s = %s", name, changed).containsExactly(name);
                }
                Sql.run(c, "update typed set " + name + " = " + column.getValue()[1]);
                assertThat(Fingerprinter.fingerprintTable(c, d, "typed")).as("%s restored", name).isEqualTo(original);
            }
        }
    }

    @ParameterizedTest
    @MethodSource(ENGINES)
    void aColumnMovedToAnotherPositionKeepsTheDataFingerprint(String engine) throws Exception {
        try (IsolatedDatabase db = TestDatabases.create(engine); Connection c = db.target().connect()) {
            var d = db.target().dialect();
            UsersTable.create(c);
            DatabaseFingerprint before = Fingerprinter.fingerprint(c, d, Set.of());

            UsersTable.moveNameToTheEnd(c, engine);
            DatabaseFingerprint after = Fingerprinter.fingerprint(c, d, Set.of());

            assertThat(after.table("users").orElseThrow().columnChecksums().keySet())
                    .containsExactly("id", "nick", "score", "name");
            assertThat(after).isEqualTo(before);
            assertThat(FingerprintDiffer.compare(before, after, "before", "after").isEmpty()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource(ENGINES)
    void swappingTwoValuesBetweenColumnsOfARowChangesTheChecksum(String engine) throws Exception {
        try (IsolatedDatabase db = TestDatabases.create(engine); Connection c = db.target().connect()) {
            var d = db.target().dialect();
            Sql.run(c, "create table pairs (id integer primary key, x varchar(5), y varchar(5))",
                    "insert into pairs values (1, 'p', 'q')", "insert into pairs values (2, 'q', 'p')");
            TableFingerprint before = Fingerprinter.fingerprintTable(c, d, "pairs");

            // Each column keeps its values: only which row holds them changes.
            Sql.run(c, "update pairs set x = 'q', y = 'p' where id = 1", "update pairs set x = 'p', y = 'q' where id = 2");
            TableFingerprint after = Fingerprinter.fingerprintTable(c, d, "pairs");

            assertThat(after.columnChecksums()).isEqualTo(before.columnChecksums());
            assertThat(after.checksum()).isNotEqualTo(before.checksum());
        }
    }

    @Test
    void mariaDbTinyintOneAndBooleanColumnsTellEveryStoredValueApart() throws Exception {
        try (IsolatedDatabase db = TestDatabases.create("mariadb"); Connection c = db.target().connect()) {
            var d = db.target().dialect();
            // The driver reports tinyint(1) and boolean (an alias of it) as BOOLEAN, and BIT(1) too.
            Sql.run(c, "create table orgs (id integer primary key, lvl tinyint(1), flag boolean, bit1 bit(1))",
                    "insert into orgs values (1, 5, true, 1)");
            String[] updates = {"lvl = 7", "lvl = -1", "lvl = 1", "lvl = 0", "lvl = null",
                "flag = false", "flag = 2", "flag = null", "bit1 = 0", "bit1 = null"};
            TableFingerprint original = Fingerprinter.fingerprintTable(c, d, "orgs");
            List<String> checksums = new ArrayList<>(List.of(original.checksum()));
            TableFingerprint previous = original;
            for (String update : updates) {
                Sql.run(c, "update orgs set " + update);
                TableFingerprint now = Fingerprinter.fingerprintTable(c, d, "orgs");
                checksums.add(now.checksum());

                assertThat(changedColumns(previous, now)).as(update).containsExactly(update.split(" ")[0]);
                previous = now;
            }
            Sql.run(c, "update orgs set lvl = 5, flag = true, bit1 = 1");

            assertThat(new HashSet<>(checksums)).hasSize(updates.length + 1);
            assertThat(Fingerprinter.fingerprintTable(c, d, "orgs")).isEqualTo(original);
        }
    }

    @ParameterizedTest
    @MethodSource(ENGINES)
    void databaseFingerprintSkipsRehearsalAndExcludedTablesAndRoundTripsThroughJson(String engine) throws Exception {
        try (IsolatedDatabase db = TestDatabases.create(engine); Connection c = db.target().connect()) {
            Sql.run(c, "create table zeta (id integer primary key, note varchar(10))",
                    "create table alpha (id integer primary key, note varchar(10))",
                    "create table rehearsal_history (id integer)", "create table my_history (id integer)",
                    "insert into zeta values (1, 'z')");
            if (engine.equals("sqlite")) {
                Sql.run(c, "create table auto (id integer primary key autoincrement)", "insert into auto default values");
            }
            DatabaseFingerprint fingerprint = Fingerprinter.fingerprint(c, db.target().dialect(), Set.of("MY_HISTORY"));

            assertThat(fingerprint.dialect()).isEqualTo(engine);
            assertThat(fingerprint.tables()).extracting(TableFingerprint::table)
                    .containsExactlyElementsOf(engine.equals("sqlite") ? java.util.List.of("alpha", "auto", "zeta")
                            : java.util.List.of("alpha", "zeta"));
            String json = fingerprint.toJson();
            DatabaseFingerprint read = DatabaseFingerprint.fromJson(json);
            assertThat(read).isEqualTo(fingerprint);
            assertThat(read.table("zeta").orElseThrow().columnChecksums().keySet()).containsExactly("id", "note");
            assertThat(read.table("ZETA")).isPresent();
            assertThat(read.table("missing")).isEmpty();
        }
    }

    static java.util.List<String> changedColumns(TableFingerprint before, TableFingerprint after) {
        return before.columnChecksums().keySet().stream()
                .filter(column -> !before.columnChecksums().get(column).equals(after.columnChecksums().get(column)))
                .toList();
    }
}
