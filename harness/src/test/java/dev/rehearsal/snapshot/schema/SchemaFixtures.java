package dev.rehearsal.snapshot.schema;

import dev.rehearsal.database.IsolatedDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The base schema the schema tests start from, per engine, and helpers to apply DDL and snapshot. */
final class SchemaFixtures {
    static final Set<String> HISTORY = Set.of("rehearsal_history");

    private static final List<String> COMMON = List.of(
            "create table users (id int primary key, email varchar(100) not null,"
                    + " constraint uq_users_email unique (email))",
            "create table docs (id int primary key, owner_id int, title varchar(100) not null default 'untitled',"
                    + " status varchar(20), constraint fk_docs_owner foreign key (owner_id) references users (id)"
                    + " on delete cascade)",
            "create index idx_docs_owner on docs (owner_id)",
            "create table notes (id int primary key, priority int, label varchar(50))",
            "create index idx_notes_label on notes (label)",
            "create table pairs (a int not null, b int not null, constraint pk_pairs primary key (a),"
                    + " constraint ck_pairs_order check (a <= b))",
            "create table audit (id int primary key, doc_id int, user_id int,"
                    + " constraint fk_audit_user foreign key (user_id) references users (id))",
            "create view v_titles as select id, title from docs",
            "create table rehearsal_history (version varchar(50) primary key, script varchar(200))",
            "create index idx_history_script on rehearsal_history (script)",
            "create table events (kind varchar(20) not null, at_ms bigint)",
            "create table rehearsal_lock (id int)");

    private SchemaFixtures() {
    }

    static List<String> base(String engine) {
        List<String> statements = new ArrayList<>(COMMON);
        switch (engine) {
            case "sqlite" -> statements.add("create trigger trg_docs_audit after insert on docs"
                    + " begin insert into audit (doc_id) values (new.id); end");
            case "mariadb" -> {
                statements.add("create trigger trg_docs_audit after insert on docs"
                        + " for each row insert into audit (doc_id) values (new.id)");
                statements.add("create function note_count() returns int reads sql data return (select count(*) from notes)");
                statements.add("create procedure archive_notes(in below int) delete from notes where priority < below");
            }
            default -> {
                statements.add("create function audit_doc() returns trigger language plpgsql as"
                        + " $$ begin insert into audit (doc_id) values (new.id); return new; end $$");
                statements.add("create trigger trg_docs_audit after insert on docs for each row execute function audit_doc()");
                statements.add("create sequence seq_invoice start 100");
                statements.add("create type mood as enum ('sad', 'ok')");
                statements.add("create domain positive_int as int check (value > 0)");
                statements.add("create materialized view mv_user_emails as select id, email from users");
                statements.add("create index idx_mv_user_emails on mv_user_emails (email)");
                statements.add("create function add_one(x integer) returns integer language sql as 'select x + 1'");
                statements.add("create procedure archive_notes(below integer) language sql as"
                        + " $$ delete from notes where priority < below $$");
            }
        }
        return statements;
    }

    static void execute(Connection connection, List<String> statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                try {
                    statement.execute(sql);
                } catch (SQLException e) {
                    throw new SQLException(e.getMessage() + " in: " + sql, e);
                }
            }
        }
    }

    static SchemaSnapshot snapshot(IsolatedDatabase db, Connection connection) {
        return SchemaReader.read(connection, db.target().dialect(), HISTORY);
    }
}
