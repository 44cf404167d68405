package dev.rehearsal.snapshot.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.database.IsolatedDatabase;
import dev.rehearsal.testing.TestDatabases;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SchemaReaderTests {

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void readsEveryKindOfObjectFromTheCatalog(String engine) throws Exception {
        SchemaSnapshot snapshot = snapshotAfter(engine, SchemaFixtures.base(engine));

        assertThat(snapshot.dialect()).isEqualTo(engine);
        Table docs = snapshot.table("docs").orElseThrow();
        assertThat(docs.columns()).extracting(Column::name, Column::position)
                .containsExactly(tuple("id", 1), tuple("owner_id", 2), tuple("title", 3), tuple("status", 4));
        Column title = docs.column("title").orElseThrow();
        assertThat(title.nullable()).isFalse();
        assertThat(title.type()).isEqualTo(Map.of("sqlite", "VARCHAR(100)", "postgres", "character varying(100)",
                "mariadb", "varchar(100)").get(engine));
        assertThat(title.defaultValue()).isEqualTo(engine.equals("postgres") ? "'untitled'::character varying" : "'untitled'");
        assertThat(docs.column("id").orElseThrow().type()).isEqualTo(engine.equals("postgres") ? "integer"
                : engine.equals("sqlite") ? "INT" : "int");
        assertThat(docs.primaryKey().columns()).containsExactly("id");
        assertThat(docs.foreignKeys()).singleElement().satisfies(fk -> {
            assertThat(fk.name()).isEqualTo(engine.equals("sqlite") ? null : "fk_docs_owner");
            assertThat(fk.columns()).containsExactly("owner_id");
            assertThat(fk.referencedTable()).isEqualTo("users");
            assertThat(fk.referencedColumns()).containsExactly("id");
            assertThat(fk.onDelete()).isEqualTo("CASCADE");
        });
        assertThat(docs.indexes()).extracting(Index::name, Index::columns, Index::unique)
                .containsExactly(tuple("idx_docs_owner", List.of("owner_id"), false));
        assertThat(snapshot.table("users").orElseThrow().uniqueConstraints()).extracting(UniqueConstraint::columns)
                .containsExactly(List.of("email"));
        assertThat(snapshot.table("pairs").orElseThrow().checkConstraints()).extracting(CheckConstraint::name)
                .containsExactly("ck_pairs_order");
        assertThat(snapshot.views()).extracting(View::name).containsExactly("v_titles");
        assertThat(snapshot.triggers()).extracting(Trigger::name, Trigger::table).containsExactly(tuple("trg_docs_audit", "docs"));
        if (engine.equals("postgres")) {
            assertThat(snapshot.sequences()).extracting(Sequence::name, Sequence::start).containsExactly(tuple("seq_invoice", 100L));
            assertThat(snapshot.types()).extracting(UserType::name, UserType::kind)
                    .containsExactly(tuple("mood", "enum"), tuple("positive_int", "domain"));
            assertThat(snapshot.materializedViews()).singleElement().satisfies(view -> {
                assertThat(view.name()).isEqualTo("mv_user_emails");
                assertThat(view.definition()).isEqualTo("SELECT users.id, users.email FROM users");
                assertThat(view.indexes()).extracting(Index::name, Index::columns)
                        .containsExactly(tuple("idx_mv_user_emails", List.of("email")));
            });
        } else {
            assertThat(snapshot.sequences()).isEmpty();
            assertThat(snapshot.types()).isEmpty();
            assertThat(snapshot.materializedViews()).isEmpty();
        }
        assertThat(snapshot.routines()).extracting(Routine::kind, Routine::signature).containsExactlyElementsOf(Map.of(
                "sqlite", List.<org.assertj.core.groups.Tuple>of(),
                "postgres", List.of(tuple("function", "add_one(x integer)"), tuple("procedure", "archive_notes(IN below integer)"),
                        tuple("function", "audit_doc()")),
                "mariadb", List.of(tuple("procedure", "archive_notes(IN below int)"), tuple("function", "note_count()")))
                .get(engine));
    }

    @org.junit.jupiter.api.Test
    void postgresRoutinesAreReadWithTheirDefinitionAndOverloadsApart() throws Exception {
        SchemaSnapshot snapshot = snapshotAfter("postgres", List.of(
                "create function add_one(x integer) returns integer language sql as 'select x + 1'",
                "create function add_one(x bigint) returns bigint language sql as 'select x + 1'",
                "create aggregate total(integer) (sfunc = int4pl, stype = integer)"));

        assertThat(snapshot.routines()).containsExactly(
                new Routine("add_one", "function", "x bigint", "CREATE OR REPLACE FUNCTION add_one(x bigint)"
                        + " RETURNS bigint LANGUAGE sql AS $function$select x + 1$function$"),
                new Routine("add_one", "function", "x integer", "CREATE OR REPLACE FUNCTION add_one(x integer)"
                        + " RETURNS integer LANGUAGE sql AS $function$select x + 1$function$"));
    }

    @org.junit.jupiter.api.Test
    void postgresFunctionsOfAnExtensionAreLeftOut() throws Exception {
        try (IsolatedDatabase db = TestDatabases.create("postgres"); Connection c = db.target().connect()) {
            try {
                SchemaFixtures.execute(c, List.of("create extension citext"));
            } catch (java.sql.SQLException e) {
                org.junit.jupiter.api.Assumptions.abort("citext is not installed here: " + e.getMessage());
            }
            SchemaFixtures.execute(c, List.of("create function add_one(x integer) returns integer language sql as 'select x + 1'"));

            SchemaSnapshot snapshot = SchemaFixtures.snapshot(db, c);

            assertThat(c.createStatement().executeQuery("select count(*) from pg_proc where proname = 'citext'"
                    + " and pronamespace = 'public'::regnamespace")).satisfies(rs -> {
                        rs.next();
                        assertThat(rs.getInt(1)).as("citext functions installed in the schema").isPositive();
                    });
            assertThat(snapshot.routines()).extracting(Routine::signature).containsExactly("add_one(x integer)");
        }
    }

    @org.junit.jupiter.api.Test
    void mariadbRoutinesAreReadWithParametersAndCharacteristics() throws Exception {
        SchemaSnapshot snapshot = snapshotAfter("mariadb", List.of(
                "create table posts (id int primary key, archived int)",
                "create procedure archive_posts(in max_rows int, out n bigint) sql security invoker"
                        + " begin update posts set archived = 1 limit max_rows; set n = row_count(); end",
                "create function label(a varchar(10), b int) returns varchar(30) deterministic return concat(a, b)"));

        assertThat(snapshot.routines()).containsExactly(
                new Routine("archive_posts", "procedure", "IN max_rows int, OUT n bigint", "SQL SECURITY INVOKER"
                        + " begin update posts set archived = 1 limit max_rows; set n = row_count(); end"),
                new Routine("label", "function", "a varchar(10), b int", "RETURNS varchar(30) DETERMINISTIC return concat(a, b)"));
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void historyTableAndRehearsalTablesAreLeftOut(String engine) throws Exception {
        try (IsolatedDatabase db = TestDatabases.create(engine); Connection c = db.target().connect()) {
            SchemaFixtures.execute(c, SchemaFixtures.base(engine));
            SchemaFixtures.execute(c, List.of("create table schema_history (version varchar(50) primary key)",
                    "create index idx_schema_history on schema_history (version)"));

            SchemaSnapshot snapshot = SchemaReader.read(c, db.target().dialect(), Set.of("SCHEMA_HISTORY"));

            assertThat(snapshot.tables()).extracting(Table::name)
                    .containsExactly("audit", "docs", "events", "notes", "pairs", "users");
            assertThat(snapshot.toJson()).doesNotContain("rehearsal_", "schema_history", "sqlite_");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void creationOrderDoesNotChangeTheSnapshot(String engine) throws Exception {
        List<String> oneOrder = List.of(
                "create table parent (id int primary key, code varchar(10))",
                "create table child (id int primary key, parent_id int, a int, b int, unique (a), unique (b),"
                        + " constraint ck_child_a check (a > 0), constraint ck_child_b check (b > 0),"
                        + " constraint fk_child_parent foreign key (parent_id) references parent (id))",
                "create index idx_child_a on child (a)",
                "create index idx_child_b on child (b)",
                "create view v_parent as select id from parent",
                "create view v_child as select id from child");
        List<String> otherOrder = List.of(
                "create view v_child_placeholder as select 1 as x",
                "create table parent (id int primary key, code varchar(10))",
                "create table child (id int primary key, parent_id int, a int, b int,"
                        + " constraint fk_child_parent foreign key (parent_id) references parent (id),"
                        + " constraint ck_child_b check (b > 0), constraint ck_child_a check (a > 0), unique (b), unique (a))",
                "create index idx_child_b on child (b)",
                "create index idx_child_a on child (a)",
                "create view v_child as select id from child",
                "create view v_parent as select id from parent",
                "drop view v_child_placeholder");
        SchemaSnapshot first = snapshotAfter(engine, oneOrder);
        SchemaSnapshot second = snapshotAfter(engine, otherOrder);

        assertThat(second).isEqualTo(first);
        assertThat(second.toJson()).isEqualTo(first.toJson());
        assertThat(SchemaDiffer.compare(first, second, "first", "second").isEmpty()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void snapshotReadsBackFromJsonUnchanged(String engine) throws Exception {
        SchemaSnapshot snapshot = snapshotAfter(engine, SchemaFixtures.base(engine));

        SchemaSnapshot copy = SchemaSnapshot.fromJson(snapshot.toJson());

        assertThat(copy).isEqualTo(snapshot);
        assertThat(copy.toJson()).isEqualTo(snapshot.toJson());
        assertThat(copy.tables()).hasSize(6);
        assertThat(copy.routines()).hasSize(engine.equals("sqlite") ? 0 : engine.equals("postgres") ? 3 : 2);
    }

    @org.junit.jupiter.api.Test
    void jsonWrittenBeforeRoutinesWereSnapshottedReadsWithNone() throws Exception {
        SchemaSnapshot snapshot = snapshotAfter("postgres", SchemaFixtures.base("postgres"));
        com.fasterxml.jackson.databind.node.ObjectNode json = (com.fasterxml.jackson.databind.node.ObjectNode)
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(snapshot.toJson());
        json.remove("routines");

        SchemaSnapshot old = SchemaSnapshot.fromJson(json.toString());

        assertThat(snapshot.routines()).isNotEmpty();
        assertThat(old.routines()).isEmpty();
        assertThat(old.tables()).isEqualTo(snapshot.tables());
    }

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void sameSchemaReadTwiceIsEqual(String engine) throws Exception {
        try (IsolatedDatabase db = TestDatabases.create(engine); Connection c = db.target().connect()) {
            SchemaFixtures.execute(c, SchemaFixtures.base(engine));

            assertThat(SchemaFixtures.snapshot(db, c)).isEqualTo(SchemaFixtures.snapshot(db, c));
        }
    }

    @org.junit.jupiter.api.Test
    void sqliteDetailsOnlyTheCreateTextKnowsAreRead() throws Exception {
        SchemaSnapshot snapshot = snapshotAfter("sqlite", List.of(
                "create table parent (id integer primary key autoincrement, code text collate nocase unique)",
                "create table child (id integer primary key, parent_id int references parent,"
                        + " total int generated always as (id * 2) stored, check (total >= 0))",
                "create index idx_child_expr on child (abs(total) desc) where parent_id is not null"));

        assertThat(snapshot.tables()).extracting(Table::name).containsExactly("child", "parent");
        Table parent = snapshot.table("parent").orElseThrow();
        assertThat(parent.column("id").orElseThrow().generated()).isEqualTo("AUTOINCREMENT");
        assertThat(parent.column("code").orElseThrow().collation()).isEqualTo("NOCASE");
        assertThat(parent.uniqueConstraints()).containsExactly(new UniqueConstraint(null, List.of("code")));
        Table child = snapshot.table("child").orElseThrow();
        assertThat(child.column("total").orElseThrow().generated()).isEqualTo("GENERATED ALWAYS AS (id * 2) STORED");
        assertThat(child.foreignKeys()).extracting(ForeignKey::referencedColumns).containsExactly(List.of("id"));
        assertThat(child.checkConstraints()).containsExactly(new CheckConstraint(null, "total >= 0"));
        assertThat(child.indexes()).containsExactly(
                new Index("idx_child_expr", List.of("abs(total) desc"), false, "parent_id is not null"));
    }

    private static SchemaSnapshot snapshotAfter(String engine, List<String> statements) throws Exception {
        try (IsolatedDatabase db = TestDatabases.create(engine); Connection c = db.target().connect()) {
            SchemaFixtures.execute(c, statements);
            return SchemaFixtures.snapshot(db, c);
        }
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}
