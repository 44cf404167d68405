package dev.rehearsal.snapshot.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.database.IsolatedDatabase;
import dev.rehearsal.testing.TestDatabases;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Foreign keys and checks the DDL left unnamed are matched by what they enforce, not by the name the
 * engine made up in creation order; named ones keep their names.
 */
class GeneratedConstraintNameTests {

    /** 50 characters: long enough that PostgreSQL shortens the names it generates for it. */
    private static final String CHILD = "child_table_with_a_long_name_to_shorten_generated";

    private static final List<String> PARENTS = List.of(
            "create table parent (id int primary key)",
            "create table other_parent (id int primary key)");

    /** Two foreign keys on one column and two checks on one column: PostgreSQL numbers the second of each. */
    private static final List<String> UNNAMED_CONSTRAINTS = List.of(
            "alter table " + CHILD + " add foreign key (parent_identifier) references parent (id)",
            "alter table " + CHILD + " add foreign key (parent_identifier) references other_parent (id)",
            "alter table " + CHILD + " add foreign key (other_identifier) references other_parent (id)",
            "alter table " + CHILD + " add check (n > 0)",
            "alter table " + CHILD + " add check (n < 10)",
            "alter table " + CHILD + " add check (parent_identifier <> other_identifier)",
            "alter table " + CHILD + " add check (n <> other_identifier)",
            "alter table " + CHILD + " add constraint ck_named check (n <> 5)");

    private static final String CREATE_CHILD = "create table " + CHILD
            + " (id int primary key, parent_identifier int, other_identifier int, n int";

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void creationOrderOfUnnamedConstraintsDoesNotChangeTheSnapshot(String engine) throws Exception {
        SchemaSnapshot first = snapshotAfter(engine, inOrder(engine, false));
        SchemaSnapshot second = snapshotAfter(engine, inOrder(engine, true));

        assertThat(SchemaDiffer.compare(first, second, "first", "second").render())
                .isEqualTo("no differences between first and second");
        assertThat(second).isEqualTo(first);
        assertThat(second.toJson()).isEqualTo(first.toJson());
        Table child = first.table(CHILD).orElseThrow();
        assertThat(child.foreignKeys()).hasSize(3).extracting(ForeignKey::name).containsOnlyNulls();
        assertThat(child.checkConstraints()).extracting(CheckConstraint::name)
                .containsExactlyInAnyOrder(null, null, null, null, "ck_named");
    }

    /** SQLite cannot add a constraint to a table: it writes them all in the CREATE TABLE, in either order. */
    private static List<String> inOrder(String engine, boolean reversed) {
        List<String> statements = new ArrayList<>(PARENTS);
        if (engine.equals("sqlite")) {
            List<String> constraints = new ArrayList<>(UNNAMED_CONSTRAINTS.stream()
                    .map(s -> s.substring(("alter table " + CHILD + " add ").length())).toList());
            if (reversed) {
                Collections.reverse(constraints);
            }
            statements.add(CREATE_CHILD + ", " + String.join(", ", constraints) + ")");
            return statements;
        }
        statements.add(CREATE_CHILD + ")");
        List<String> constraints = new ArrayList<>(UNNAMED_CONSTRAINTS);
        if (reversed) {
            Collections.reverse(constraints);
        }
        statements.addAll(constraints);
        return statements;
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void anUnnamedForeignKeyDroppedAndAddedAgainIsTheSameConstraint(String engine) throws Exception {
        try (IsolatedDatabase db = TestDatabases.create(engine); Connection c = db.target().connect()) {
            SchemaFixtures.execute(c, inOrder(engine, false));
            SchemaSnapshot before = SchemaFixtures.snapshot(db, c);
            // A migration's up drops the key, its down adds it back: MariaDB numbers it anew.
            String addAgain = UNNAMED_CONSTRAINTS.get(0);
            SchemaFixtures.execute(c, switch (engine) {
                case "postgres" -> List.of("alter table " + CHILD + " drop constraint " + postgresForeignKeyName(c), addAgain);
                case "mariadb" -> List.of("alter table " + CHILD + " drop foreign key " + CHILD + "_ibfk_1", addAgain);
                default -> List.of("alter table " + CHILD + " rename to old_child", inOrder(engine, true).get(2),
                        "drop table old_child");
            });
            SchemaSnapshot after = SchemaFixtures.snapshot(db, c);

            assertThat(SchemaDiffer.compare(before, after, "before up", "after rollback").render())
                    .isEqualTo("no differences between before up and after rollback");
        }
    }

    private static String postgresForeignKeyName(Connection c) throws Exception {
        try (var statement = c.createStatement(); var rs = statement.executeQuery("select conname from pg_constraint"
                + " where contype = 'f' and confrelid = 'parent'::regclass")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void aChangedUnnamedCheckOrForeignKeyIsStillReported(String engine) throws Exception {
        String create = "create table c (id int primary key, p_id int, n int, foreign key (p_id) references parent (id)%s,"
                + " check (%s))";
        try (IsolatedDatabase db = TestDatabases.create(engine); Connection c = db.target().connect()) {
            SchemaFixtures.execute(c, List.of(PARENTS.get(0), String.format(create, "", "n > 0")));
            SchemaSnapshot before = SchemaFixtures.snapshot(db, c);
            SchemaFixtures.execute(c, List.of("drop table c", String.format(create, " on delete cascade", "n > 5")));
            SchemaSnapshot after = SchemaFixtures.snapshot(db, c);

            String n = engine.equals("mariadb") ? "`n`" : "n";
            String noAction = engine.equals("mariadb") ? "RESTRICT" : "NO ACTION";
            assertThat(SchemaDiffer.compare(before, after, "before up", "after rollback").render()).isEqualTo(String.join("\n",
                    "foreign key c(p_id) -> parent(id): on delete " + noAction + " before up, CASCADE after rollback",
                    // the name of an unnamed check is its normalized expression; the catalog's text follows
                    "check constraint (n > 0) on c: missing after rollback (was " + n + " > 0)",
                    "check constraint (n > 5) on c: not there before up, present after rollback (" + n + " > 5)"));
        }
    }

    @Test
    void theOrderOfAPostgresDomainsUnnamedChecksDoesNotMatter() throws Exception {
        SchemaSnapshot first = snapshotAfter("postgres", List.of("create domain score as int check (value > 0) check (value < 10)"));
        SchemaSnapshot second = snapshotAfter("postgres", List.of("create domain score as int check (value < 10) check (value > 0)"));

        assertThat(second.types()).isEqualTo(first.types());
        assertThat(first.types()).extracting(UserType::definition)
                .containsExactly("integer CHECK (VALUE < 10) CHECK (VALUE > 0)");
    }

    @Test
    void postgresNamesAreForgottenOnlyWhenTheServerWouldHaveChosenThem() {
        List<Column> columns = List.of(new Column("p_id", 1, "integer", true, null, null, null),
                new Column("n", 2, "integer", true, null, null, null));
        Table table = new Table("c", columns, null,
                List.of(foreignKey("c_p_id_fkey"), foreignKey("c_p_id_fkey12"), foreignKey("fk_c_parent"),
                        foreignKey("c_n_fkey")),
                List.of(), List.of(check("c_n_check"), check("c_check1"), check("c_total_check"), check("ck_c_n")),
                List.of());

        Table read = new SchemaSnapshot("postgres", List.of(table), List.of(), List.of(), List.of(), List.of())
                .table("c").orElseThrow();

        assertThat(read.foreignKeys()).extracting(ForeignKey::name).containsExactly(null, null, "c_n_fkey", "fk_c_parent");
        assertThat(read.checkConstraints()).extracting(CheckConstraint::name)
                .containsExactly(null, null, "c_total_check", "ck_c_n");
        assertThat(new SchemaSnapshot("sqlite", List.of(table), List.of(), List.of(), List.of(), List.of()).tables())
                .containsExactly(table);
    }

    @Test
    void postgresShortensLongGeneratedNamesTheLongerPartFirst() {
        assertThat(GeneratedNames.makeObjectName("t", "n", "check")).isEqualTo("t_n_check");
        assertThat(GeneratedNames.makeObjectName("t", null, "check1")).isEqualTo("t_check1");
        // What PostgreSQL 15 named the first and second foreign key on parent_identifier of CHILD.
        assertThat(GeneratedNames.makeObjectName(CHILD, "parent_identifier", "fkey"))
                .isEqualTo("child_table_with_a_long_name_to_shorten__parent_identifier_fkey");
        assertThat(GeneratedNames.makeObjectName(CHILD, "parent_identifier", "fkey1"))
                .isEqualTo("child_table_with_a_long_name_to_shorten_parent_identifier_fkey1");
        // 63 bytes would cut the 29th two-byte character in half: PostgreSQL stops before it.
        assertThat(GeneratedNames.makeObjectName("\u00e9".repeat(40), null, "check")).isEqualTo("\u00e9".repeat(28) + "_check");
    }

    private static ForeignKey foreignKey(String name) {
        return new ForeignKey(name, List.of("p_id"), "parent", List.of("id"), "NO ACTION", "NO ACTION");
    }

    private static CheckConstraint check(String name) {
        return new CheckConstraint(name, name);
    }

    private static SchemaSnapshot snapshotAfter(String engine, List<String> statements) throws Exception {
        try (IsolatedDatabase db = TestDatabases.create(engine); Connection c = db.target().connect()) {
            SchemaFixtures.execute(c, statements);
            return SchemaFixtures.snapshot(db, c);
        }
    }
}
