package dev.rehearsal.snapshot.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One change to the base schema of {@link SchemaFixtures} per object kind and per way it can differ,
 * with the exact lines the diff must render. SQLite cannot alter most things in place, so its
 * scenarios rebuild the table the way a real SQLite migration does.
 */
final class SchemaChangeScenarios {

    record Scenario(String engine, String name, List<String> changes, List<String> expected) {
        @Override
        public String toString() {
            return engine + ": " + name;
        }
    }

    private final String engine;
    private final List<Scenario> scenarios = new ArrayList<>();

    private SchemaChangeScenarios(String engine) {
        this.engine = engine;
    }

    static Stream<Scenario> all() {
        return Stream.of(sqlite(), postgres(), mariadb()).flatMap(List::stream);
    }

    private SchemaChangeScenarios add(String name, List<String> changes, String... expected) {
        scenarios.add(new Scenario(engine, name, changes, List.of(expected)));
        return this;
    }

    /** Index added, removed, and its columns changed: the same on every engine but for DROP INDEX. */
    private SchemaChangeScenarios indexChanges(String dropLabelIndex) {
        return add("index added", sql("create index idx_notes_priority on notes (priority)"),
                "index idx_notes_priority on notes: not there before up, present after rollback (priority)")
                .add("index removed", sql(dropLabelIndex), "index idx_notes_label on notes: missing after rollback (was label)")
                .add("index columns changed", sql(dropLabelIndex, "create index idx_notes_label on notes (label, priority)"),
                        "index idx_notes_label on notes: columns (label) before up, (label, priority) after rollback");
    }

    /** SQLite and PostgreSQL only: MariaDB has no partial indexes and reports a unique index as a constraint. */
    private SchemaChangeScenarios uniqueAndPartialIndexChanges() {
        return add("index uniqueness changed", sql("drop index idx_notes_label",
                "create unique index idx_notes_label on notes (label)"),
                "index idx_notes_label on notes: uniqueness not unique before up, UNIQUE after rollback")
                .add("index predicate changed", sql("drop index idx_notes_label",
                        "create index idx_notes_label on notes (label) where priority > 0"),
                        "index idx_notes_label on notes: predicate none before up, priority > 0 after rollback");
    }

    private static List<String> sql(String... statements) {
        return List.of(statements);
    }

    private static final String ADD_TABLE = "create table tags (id int primary key, name varchar(20))";
    private static final String TABLE_ADDED = "table tags: not there before up, present after rollback (id, name)";
    private static final String TABLE_REMOVED = "table pairs: missing after rollback (was a, b)";
    private static final String POSITION_CHANGED = "column order notes: (id, priority, label) before up,"
            + " (id, label, priority) after rollback";
    private static final List<String> MOVE_PRIORITY_LAST = sql("alter table notes drop column priority",
            "alter table notes add column priority int");
    private static final String PK_ADDED = "primary key events: not there before up, present after rollback (kind)";
    private static final String PK_REMOVED = "primary key notes: missing after rollback (was id)";
    private static final String PK_CHANGED = "primary key pairs: columns (a) before up, (a, b) after rollback";
    private static final String UNIQUE_ADDED = "unique constraint uq_notes_label on notes: not there before up, present after rollback (label)";
    private static final String UNIQUE_REMOVED = "unique constraint uq_users_email on users: missing after rollback (was email)";
    private static final String UNIQUE_CHANGED = "unique constraint uq_users_email on users: columns (email) before up, (email, id) after rollback";
    private static final String TRIGGER_REMOVED = "trigger trg_docs_audit on docs: missing after rollback (was ";

    private static List<Scenario> sqlite() {
        String pairsCheck = ", constraint ck_pairs_order check (a <= b)";
        String auditUser = "id int primary key, doc_id int, user_id int, constraint fk_audit_user foreign key (user_id) references users (id)";
        String trigger = "CREATE TRIGGER trg_docs_audit after insert on docs begin insert into audit (doc_id) values (new.id); end";
        return new SchemaChangeScenarios("sqlite")
                .add("table added", sql(ADD_TABLE), TABLE_ADDED)
                .add("table removed", sql("drop table pairs"), TABLE_REMOVED)
                .add("column added", sql("alter table notes add column rating int"),
                        "column notes.rating: not there before up, present after rollback (INT)")
                .add("column removed", sql("alter table notes drop column priority"),
                        "column notes.priority: missing after rollback (was INT)")
                .add("column type changed", notes("id int primary key, priority bigint, label varchar(50)"),
                        "column notes.priority: type INT before up, BIGINT after rollback")
                .add("column nullability changed", notes("id int primary key, priority int not null, label varchar(50)"),
                        "column notes.priority: nullability NULL before up, NOT NULL after rollback")
                .add("column default changed", notes("id int primary key, priority int default (5), label varchar(50)"),
                        "column notes.priority: default none before up, 5 after rollback")
                .add("column collation changed", notes("id int primary key, priority int, label varchar(50) collate nocase"),
                        "column notes.label: collation none before up, NOCASE after rollback")
                .add("generated column added", sql("alter table notes add column double_priority int generated always as (priority * 2) virtual"),
                        "column notes.double_priority: not there before up, present after rollback"
                                + " (INT GENERATED ALWAYS AS (priority * 2) VIRTUAL)")
                .add("column position changed", MOVE_PRIORITY_LAST, POSITION_CHANGED)
                .add("primary key added", sql("drop table events", "create table events (kind varchar(20) not null primary key, at_ms bigint)"),
                        PK_ADDED)
                .add("primary key removed", notes("id int, priority int, label varchar(50)"), PK_REMOVED)
                .add("primary key changed", pairs("a int not null, b int not null, primary key (a, b)" + pairsCheck), PK_CHANGED)
                .add("foreign key added", audit(auditUser + ", foreign key (doc_id) references docs (id)"),
                        "foreign key audit(doc_id) -> docs(id): not there before up, present after rollback"
                                + " (doc_id -> docs(id) ON DELETE NO ACTION ON UPDATE NO ACTION)")
                .add("foreign key removed", audit("id int primary key, doc_id int, user_id int"),
                        "foreign key audit(user_id) -> users(id): missing after rollback"
                                + " (was user_id -> users(id) ON DELETE NO ACTION ON UPDATE NO ACTION)")
                .add("foreign key changed", audit(auditUser + " on delete cascade"),
                        "foreign key audit(user_id) -> users(id): on delete NO ACTION before up, CASCADE after rollback")
                .add("unique constraint added", notes("id int primary key, priority int, label varchar(50), unique (label)"),
                        "unique constraint notes(label): not there before up, present after rollback (label)")
                .add("unique constraint removed", users("id int primary key, email varchar(100) not null"),
                        "unique constraint users(email): missing after rollback (was email)")
                .add("unique constraint changed", users("id int primary key, email varchar(100) not null, unique (email, id)"),
                        "unique constraint users(email): missing after rollback (was email)",
                        "unique constraint users(email, id): not there before up, present after rollback (email, id)")
                .add("check constraint added", notes("id int primary key, priority int check (priority >= 0), label varchar(50)"),
                        "check constraint (priority >= 0) on notes: not there before up, present after rollback (priority >= 0)")
                .add("check constraint removed", pairs("a int not null, b int not null, constraint pk_pairs primary key (a)"),
                        "check constraint ck_pairs_order on pairs: missing after rollback (was a <= b)")
                .add("check constraint changed", pairs("a int not null, b int not null, constraint pk_pairs primary key (a),"
                        + " constraint ck_pairs_order check (a < b)"),
                        "check constraint ck_pairs_order on pairs: expression a <= b before up, a < b after rollback")
                .add("expression index added", sql("create index idx_notes_lower on notes (lower(label) desc)"),
                        "index idx_notes_lower on notes: not there before up, present after rollback (lower(label) desc)")
                .indexChanges("drop index idx_notes_label")
                .uniqueAndPartialIndexChanges()
                .add("view added", sql("create view v_notes as select id, label from notes"),
                        "view v_notes: not there before up, present after rollback (CREATE VIEW v_notes as select id, label from notes)")
                .add("view removed", sql("drop view v_titles"),
                        "view v_titles: missing after rollback (was CREATE VIEW v_titles as select id, title from docs)")
                .add("view changed", sql("drop view v_titles", "create view v_titles as select id, title, status from docs"),
                        "view v_titles: definition CREATE VIEW v_titles as select id, title from docs before up,"
                                + " CREATE VIEW v_titles as select id, title, status from docs after rollback")
                .add("trigger added", sql("create trigger trg_notes_audit after delete on notes"
                        + " begin delete from audit where doc_id = old.id; end"),
                        "trigger trg_notes_audit on notes: not there before up, present after rollback (CREATE TRIGGER"
                                + " trg_notes_audit after delete on notes begin delete from audit where doc_id = old.id; end)")
                .add("trigger removed", sql("drop trigger trg_docs_audit"), TRIGGER_REMOVED + trigger + ")")
                .add("trigger changed", sql("drop trigger trg_docs_audit", trigger.replace("insert on", "update on")),
                        "trigger trg_docs_audit on docs: definition " + trigger + " before up, "
                                + trigger.replace("insert on", "update on") + " after rollback")
                .scenarios;
    }

    private static List<String> notes(String definition) {
        return sql("drop table notes", "create table notes (" + definition + ")",
                "create index idx_notes_label on notes (label)");
    }

    private static List<String> pairs(String definition) {
        return sql("drop table pairs", "create table pairs (" + definition + ")");
    }

    private static List<String> audit(String definition) {
        return sql("drop table audit", "create table audit (" + definition + ")");
    }

    private static List<String> users(String definition) {
        return sql("drop table users", "create table users (" + definition + ")");
    }

    private static List<Scenario> postgres() {
        String trigger = "CREATE TRIGGER trg_docs_audit AFTER INSERT ON docs FOR EACH ROW EXECUTE FUNCTION audit_doc()";
        return new SchemaChangeScenarios("postgres")
                .add("table added", sql(ADD_TABLE), TABLE_ADDED)
                .add("table removed", sql("drop table pairs"), TABLE_REMOVED)
                .add("column added", sql("alter table notes add column rating int"),
                        "column notes.rating: not there before up, present after rollback (integer)")
                .add("column removed", sql("alter table notes drop column priority"),
                        "column notes.priority: missing after rollback (was integer)")
                .add("column type changed", sql("alter table notes alter column priority type bigint"),
                        "column notes.priority: type integer before up, bigint after rollback")
                .add("column nullability changed", sql("alter table notes alter column priority set not null"),
                        "column notes.priority: nullability NULL before up, NOT NULL after rollback")
                .add("column default changed", sql("alter table notes alter column priority set default 5"),
                        "column notes.priority: default none before up, 5 after rollback")
                .add("column collation changed", sql("alter table notes alter column label type varchar(50) collate \"C\""),
                        "column notes.label: collation none before up, C after rollback")
                .add("generated column added", sql("alter table notes add column double_priority int generated always as (priority * 2) stored"),
                        "column notes.double_priority: not there before up, present after rollback"
                                + " (integer GENERATED ALWAYS AS (priority * 2) STORED)")
                .add("identity column added", sql("alter table notes add column serial_no int generated by default as identity"),
                        "column notes.serial_no: not there before up, present after rollback"
                                + " (integer NOT NULL GENERATED BY DEFAULT AS IDENTITY)")
                .add("column position changed", MOVE_PRIORITY_LAST, POSITION_CHANGED)
                .add("primary key added", sql("alter table events add primary key (kind)"), PK_ADDED)
                .add("primary key removed", sql("alter table notes drop constraint notes_pkey"), PK_REMOVED)
                .add("primary key changed", sql("alter table pairs drop constraint pk_pairs,"
                        + " add constraint pk_pairs primary key (a, b)"), PK_CHANGED)
                .add("foreign key added", sql("alter table audit add constraint fk_audit_doc foreign key (doc_id) references docs (id)"),
                        "foreign key fk_audit_doc on audit: not there before up, present after rollback"
                                + " (doc_id -> docs(id) ON DELETE NO ACTION ON UPDATE NO ACTION)")
                .add("foreign key removed", sql("alter table audit drop constraint fk_audit_user"),
                        "foreign key fk_audit_user on audit: missing after rollback"
                                + " (was user_id -> users(id) ON DELETE NO ACTION ON UPDATE NO ACTION)")
                .add("foreign key changed", sql("alter table audit drop constraint fk_audit_user, add constraint fk_audit_user"
                        + " foreign key (user_id) references users (id) on delete cascade"),
                        "foreign key fk_audit_user on audit: on delete NO ACTION before up, CASCADE after rollback")
                .add("unique constraint added", sql("alter table notes add constraint uq_notes_label unique (label)"), UNIQUE_ADDED)
                .add("unique constraint removed", sql("alter table users drop constraint uq_users_email"), UNIQUE_REMOVED)
                .add("unique constraint changed", sql("alter table users drop constraint uq_users_email,"
                        + " add constraint uq_users_email unique (email, id)"), UNIQUE_CHANGED)
                .add("check constraint added", sql("alter table notes add constraint ck_notes_priority check (priority >= 0)"),
                        "check constraint ck_notes_priority on notes: not there before up, present after rollback (priority >= 0)")
                .add("check constraint removed", sql("alter table pairs drop constraint ck_pairs_order"),
                        "check constraint ck_pairs_order on pairs: missing after rollback (was a <= b)")
                .add("check constraint changed", sql("alter table pairs drop constraint ck_pairs_order,"
                        + " add constraint ck_pairs_order check (a < b)"),
                        "check constraint ck_pairs_order on pairs: expression a <= b before up, a < b after rollback")
                .add("expression index added", sql("create index idx_notes_lower on notes (lower(label) desc)"),
                        "index idx_notes_lower on notes: not there before up, present after rollback (lower(label::text) DESC)")
                .indexChanges("drop index idx_notes_label")
                .uniqueAndPartialIndexChanges()
                .add("index include columns changed", sql("drop index idx_notes_label",
                        "create index idx_notes_label on notes (label) include (priority)"),
                        "index idx_notes_label on notes: include none before up, (priority) after rollback")
                .add("index method changed", sql("drop index idx_notes_label", "create index idx_notes_label on notes using hash (label)"),
                        "index idx_notes_label on notes: method btree before up, hash after rollback")
                .add("index sort order and operator class changed", sql("drop index idx_notes_label",
                        "create index idx_notes_label on notes (label varchar_pattern_ops desc nulls last)"),
                        "index idx_notes_label on notes: columns (label) before up,"
                                + " (label varchar_pattern_ops DESC NULLS LAST) after rollback")
                .add("index collation changed", sql("drop index idx_notes_label", "create index idx_notes_label on notes (label collate \"C\")"),
                        "index idx_notes_label on notes: columns (label) before up, (label COLLATE \"C\") after rollback")
                .add("materialized view added", sql("create materialized view mv_notes as select id, label from notes"),
                        "materialized view mv_notes: not there before up, present after rollback (SELECT notes.id, notes.label FROM notes)")
                .add("materialized view removed", sql("drop materialized view mv_user_emails"),
                        "materialized view mv_user_emails: missing after rollback (was SELECT users.id, users.email FROM users)")
                .add("materialized view changed", sql("drop materialized view mv_user_emails",
                        "create materialized view mv_user_emails as select id, email, 1 as n from users",
                        "create index idx_mv_user_emails on mv_user_emails (email)"),
                        "materialized view mv_user_emails: definition SELECT users.id, users.email FROM users before up,"
                                + " SELECT users.id, users.email, 1 AS n FROM users after rollback")
                .add("materialized view index changed", sql("drop index idx_mv_user_emails",
                        "create index idx_mv_user_emails on mv_user_emails (id, email)"),
                        "index idx_mv_user_emails on mv_user_emails: columns (email) before up, (id, email) after rollback")
                .add("view added", sql("create view v_notes as select id, label from notes"),
                        "view v_notes: not there before up, present after rollback (SELECT notes.id, notes.label FROM notes)")
                .add("view removed", sql("drop view v_titles"),
                        "view v_titles: missing after rollback (was SELECT docs.id, docs.title FROM docs)")
                .add("view changed", sql("create or replace view v_titles as select id, title, status from docs"),
                        "view v_titles: definition SELECT docs.id, docs.title FROM docs before up,"
                                + " SELECT docs.id, docs.title, docs.status FROM docs after rollback")
                .add("trigger added", sql("create trigger trg_notes_audit after delete on notes for each row execute function audit_doc()"),
                        "trigger trg_notes_audit on notes: not there before up, present after rollback (CREATE TRIGGER"
                                + " trg_notes_audit AFTER DELETE ON notes FOR EACH ROW EXECUTE FUNCTION audit_doc())")
                .add("trigger removed", sql("drop trigger trg_docs_audit on docs"), TRIGGER_REMOVED + trigger + ")")
                .add("trigger changed", sql("drop trigger trg_docs_audit on docs", "create trigger trg_docs_audit"
                        + " after update on docs for each row execute function audit_doc()"),
                        "trigger trg_docs_audit on docs: definition " + trigger + " before up, "
                                + trigger.replace("INSERT", "UPDATE") + " after rollback")
                .add("trigger function changed", sql("create or replace function audit_doc() returns trigger language plpgsql as"
                        + " $$ begin insert into audit (doc_id) values (new.id + 1); return new; end $$"),
                        "trigger trg_docs_audit on docs: function body begin insert into audit (doc_id) values (new.id); return new; end"
                                + " before up, begin insert into audit (doc_id) values (new.id + 1); return new; end after rollback",
                        "function audit_doc(): definition changed (...(doc_id) values (new.id); return new; end $function$"
                                + " before up, ...(doc_id) values (new.id + 1); return new; end $function$ after rollback)")
                // A down that drops the trigger but not the function it created: the review's repro.
                .add("function added", sql("create function set_updated_at() returns trigger language plpgsql as"
                        + " $$begin new.updated_at := now(); return new; end;$$"),
                        "function set_updated_at(): not there before up, present after rollback")
                .add("function removed", sql("drop function add_one(integer)"), "function add_one(x integer): missing after rollback")
                .add("function body changed", sql("create or replace function add_one(x integer) returns integer"
                        + " language sql as 'select x + 2'"),
                        "function add_one(x integer): definition changed (...$function$select x + 1$function$ before up,"
                                + " ...$function$select x + 2$function$ after rollback)")
                .add("function attribute changed", sql("alter function add_one(integer) immutable"),
                        "function add_one(x integer): definition changed (...integer LANGUAGE sql AS $function$select x..."
                                + " before up, ...integer LANGUAGE sql IMMUTABLE AS $function$select x... after rollback)")
                .add("function overload added", sql("create function add_one(x bigint) returns bigint language sql as 'select x + 1'"),
                        "function add_one(x bigint): not there before up, present after rollback")
                .add("procedure added", sql("create procedure purge_audit() language sql as $$ delete from audit $$"),
                        "procedure purge_audit(): not there before up, present after rollback")
                .add("procedure removed", sql("drop procedure archive_notes"),
                        "procedure archive_notes(IN below integer): missing after rollback")
                .add("procedure body changed", sql("create or replace procedure archive_notes(below integer) language sql as"
                        + " $$ delete from notes where priority <= below $$"),
                        "procedure archive_notes(IN below integer): definition changed (...notes where priority < below $procedure$"
                                + " before up, ...notes where priority <= below $procedure$ after rollback)")
                .add("sequence added", sql("create sequence seq_numbers"),
                        "sequence seq_numbers: not there before up, present after rollback (bigint start 1 increment 1)")
                .add("sequence removed", sql("drop sequence seq_invoice"),
                        "sequence seq_invoice: missing after rollback (was bigint start 100 increment 1)")
                .add("sequence changed", sql("alter sequence seq_invoice increment by 5"),
                        "sequence seq_invoice: increment 1 before up, 5 after rollback")
                .add("enum type added", sql("create type color as enum ('red')"),
                        "type color: not there before up, present after rollback (enum ('red'))")
                .add("domain type removed", sql("drop domain positive_int"),
                        "type positive_int: missing after rollback (was domain integer CHECK (VALUE > 0))")
                .add("enum type changed", sql("alter type mood add value 'happy'"),
                        "type mood: definition ('sad', 'ok') before up, ('sad', 'ok', 'happy') after rollback")
                .add("domain type changed", sql("alter domain positive_int set not null"),
                        "type positive_int: definition integer CHECK (VALUE > 0) before up,"
                                + " integer NOT NULL CHECK (VALUE > 0) after rollback")
                .scenarios;
    }

    private static List<Scenario> mariadb() {
        String trigger = "AFTER INSERT FOR EACH ROW insert into audit (doc_id) values (new.id)";
        return new SchemaChangeScenarios("mariadb")
                .add("table added", sql(ADD_TABLE), TABLE_ADDED)
                .add("table removed", sql("drop table pairs"), TABLE_REMOVED)
                .add("column added", sql("alter table notes add column rating int"),
                        "column notes.rating: not there before up, present after rollback (int)")
                .add("column removed", sql("alter table notes drop column priority"),
                        "column notes.priority: missing after rollback (was int)")
                .add("column type changed", sql("alter table notes modify priority bigint"),
                        "column notes.priority: type int before up, bigint after rollback")
                .add("column nullability changed", sql("alter table notes modify priority int not null"),
                        "column notes.priority: nullability NULL before up, NOT NULL after rollback")
                .add("column default changed", sql("alter table notes alter column priority set default 5"),
                        "column notes.priority: default none before up, 5 after rollback")
                .add("column collation changed", sql("alter table notes modify label varchar(50) collate utf8mb4_bin"),
                        "column notes.label: collation utf8mb4_general_ci before up, utf8mb4_bin after rollback")
                .add("generated column added", sql("alter table notes add column double_priority int as (priority * 2) virtual"),
                        "column notes.double_priority: not there before up, present after rollback"
                                + " (int GENERATED ALWAYS AS (`priority` * 2) VIRTUAL)")
                .add("auto-increment added", sql("alter table notes modify id int auto_increment"),
                        "column notes.id: generated none before up, AUTO_INCREMENT after rollback")
                .add("on-update timestamp added", sql("alter table notes add column touched timestamp null"
                        + " default current_timestamp on update current_timestamp"),
                        "column notes.touched: not there before up, present after rollback"
                                + " (timestamp DEFAULT current_timestamp() ON UPDATE current_timestamp())")
                .add("column position changed", MOVE_PRIORITY_LAST, POSITION_CHANGED)
                .add("primary key added", sql("alter table events add primary key (kind)"),
                        "primary key events: not there before up, present after rollback (kind)")
                .add("primary key removed", sql("alter table notes drop primary key"), PK_REMOVED)
                .add("primary key changed", sql("alter table pairs drop primary key, add primary key (a, b)"), PK_CHANGED)
                .add("foreign key added", sql("alter table audit add constraint fk_audit_doc foreign key (doc_id) references docs (id)"),
                        "foreign key fk_audit_doc on audit: not there before up, present after rollback"
                                + " (doc_id -> docs(id) ON DELETE RESTRICT ON UPDATE RESTRICT)",
                        "index fk_audit_doc on audit: not there before up, present after rollback (doc_id)")
                .add("foreign key removed", sql("alter table audit drop foreign key fk_audit_user"),
                        "foreign key fk_audit_user on audit: missing after rollback"
                                + " (was user_id -> users(id) ON DELETE RESTRICT ON UPDATE RESTRICT)")
                .add("foreign key changed", sql("alter table audit drop foreign key fk_audit_user",
                        "alter table audit add constraint fk_audit_user foreign key (user_id) references users (id) on delete cascade"),
                        "foreign key fk_audit_user on audit: on delete RESTRICT before up, CASCADE after rollback")
                .add("unique constraint added", sql("alter table notes add constraint uq_notes_label unique (label)"), UNIQUE_ADDED)
                .add("unique constraint removed", sql("alter table users drop index uq_users_email"), UNIQUE_REMOVED)
                .add("unique constraint changed", sql("alter table users drop index uq_users_email,"
                        + " add constraint uq_users_email unique (email, id)"), UNIQUE_CHANGED)
                .add("check constraint added", sql("alter table notes add constraint ck_notes_priority check (priority >= 0)"),
                        "check constraint ck_notes_priority on notes: not there before up, present after rollback (`priority` >= 0)")
                .add("check constraint removed", sql("alter table pairs drop constraint ck_pairs_order"),
                        "check constraint ck_pairs_order on pairs: missing after rollback (was `a` <= `b`)")
                .add("check constraint changed", sql("alter table pairs drop constraint ck_pairs_order",
                        "alter table pairs add constraint ck_pairs_order check (a < b)"),
                        "check constraint ck_pairs_order on pairs: expression `a` <= `b` before up, `a` < `b` after rollback")
                .indexChanges("drop index idx_notes_label on notes")
                .add("index prefix length changed", sql("drop index idx_notes_label on notes",
                        "create index idx_notes_label on notes (label(20))"),
                        "index idx_notes_label on notes: columns (label) before up, (label(20)) after rollback")
                .add("unique constraint prefix length changed", sql("alter table users drop index uq_users_email,"
                        + " add constraint uq_users_email unique (email(20))"),
                        "unique constraint uq_users_email on users: columns (email) before up, (email(20)) after rollback")
                .add("index method changed", sql("drop index idx_notes_label on notes",
                        "create fulltext index idx_notes_label on notes (label)"),
                        "index idx_notes_label on notes: method btree before up, fulltext after rollback")
                // MariaDB keeps no difference between a unique index and a unique constraint.
                .add("index uniqueness changed", sql("drop index idx_notes_label on notes",
                        "create unique index idx_notes_label on notes (label)"),
                        "unique constraint idx_notes_label on notes: not there before up, present after rollback (label)",
                        "index idx_notes_label on notes: missing after rollback (was label)")
                .add("view added", sql("create view v_notes as select id, label from notes"),
                        "view v_notes: not there before up, present after rollback"
                                + " (select `notes`.`id` AS `id`,`notes`.`label` AS `label` from `notes`)")
                .add("view removed", sql("drop view v_titles"),
                        "view v_titles: missing after rollback (was select `docs`.`id` AS `id`,`docs`.`title` AS `title` from `docs`)")
                .add("view changed", sql("create or replace view v_titles as select id, title, status from docs"),
                        "view v_titles: definition select `docs`.`id` AS `id`,`docs`.`title` AS `title` from `docs` before up,"
                                + " select `docs`.`id` AS `id`,`docs`.`title` AS `title`,`docs`.`status` AS `status` from `docs`"
                                + " after rollback")
                .add("trigger added", sql("create trigger trg_notes_audit after delete on notes for each row"
                        + " delete from audit where doc_id = old.id"),
                        "trigger trg_notes_audit on notes: not there before up, present after rollback"
                                + " (AFTER DELETE FOR EACH ROW delete from audit where doc_id = old.id)")
                .add("trigger removed", sql("drop trigger trg_docs_audit"), TRIGGER_REMOVED + trigger + ")")
                .add("trigger changed", sql("drop trigger trg_docs_audit", "create trigger trg_docs_audit after update on docs"
                        + " for each row insert into audit (doc_id) values (new.id)"),
                        "trigger trg_docs_audit on docs: definition " + trigger + " before up, "
                                + trigger.replace("INSERT", "UPDATE") + " after rollback")
                .add("function added", sql("create function doc_count() returns int reads sql data return (select count(*) from docs)"),
                        "function doc_count(): not there before up, present after rollback")
                .add("function removed", sql("drop function note_count"), "function note_count(): missing after rollback")
                .add("function body changed", sql("create or replace function note_count() returns int reads sql data"
                        + " return (select count(*) from notes where priority > 0)"),
                        "function note_count(): definition changed (...(select count(*) from notes) before up,"
                                + " ...(select count(*) from notes where priority > 0) after rollback)")
                .add("function characteristic changed", sql("alter function note_count sql security invoker"),
                        "function note_count(): definition changed (RETURNS int READS SQL DATA return (select count(*)... before up,"
                                + " RETURNS int READS SQL DATA SQL SECURITY INVOKER return (select count(*)... after rollback)")
                .add("procedure added", sql("create procedure purge_audit() delete from audit"),
                        "procedure purge_audit(): not there before up, present after rollback")
                .add("procedure removed", sql("drop procedure archive_notes"),
                        "procedure archive_notes(IN below int): missing after rollback")
                .add("procedure parameters changed", sql("create or replace procedure archive_notes(in below bigint)"
                        + " delete from notes where priority < below"),
                        "procedure archive_notes(IN below bigint): not there before up, present after rollback",
                        "procedure archive_notes(IN below int): missing after rollback")
                .scenarios;
    }
}
