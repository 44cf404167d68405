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
