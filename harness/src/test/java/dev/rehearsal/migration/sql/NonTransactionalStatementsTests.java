package dev.rehearsal.migration.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NonTransactionalStatementsTests {

    @ParameterizedTest
    @ValueSource(strings = {
        "CREATE INDEX CONCURRENTLY i ON t (a)",
        "create unique index concurrently if not exists i on t (a)",
        "DROP INDEX CONCURRENTLY IF EXISTS i",
        "REINDEX INDEX CONCURRENTLY i",
        "REINDEX (VERBOSE, CONCURRENTLY) TABLE t",
        "REINDEX DATABASE app",
        "VACUUM",
        "vacuum full analyze t",
        "CREATE DATABASE app",
        "DROP DATABASE IF EXISTS app",
        "CREATE TABLESPACE fast LOCATION '/ssd'",
        "DROP TABLESPACE fast",
        "ALTER SYSTEM SET work_mem = '64MB'",
        "ALTER TYPE mood ADD VALUE 'meh' AFTER 'ok'",
        "ALTER TYPE \"my type\" ADD VALUE IF NOT EXISTS 'x'",
        "ALTER TABLE p DETACH PARTITION p1 CONCURRENTLY",
        "-- build it online\n/* no lock */ CREATE INDEX CONCURRENTLY i ON t (a)",
    })
    void statementsThatCannotRunInATransactionAreRecognised(String sql) {
        assertThat(NonTransactionalStatements.requiresNoTransaction(sql)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "CREATE INDEX i ON t (concurrently)",
        "CREATE TABLE vacuum (a int)",
        "SELECT 'VACUUM'",
        "-- VACUUM\nSELECT 1",
        "REINDEX TABLE t",
        "REINDEX TABLE database",
        "ALTER TYPE mood RENAME VALUE 'a' TO 'b'",
        "ALTER TABLE t ADD VALUE int",
        "ALTER TABLE p DETACH PARTITION p1",
        "DROP TABLE database_log",
        "INSERT INTO t VALUES ('CREATE DATABASE x')",
        "",
        "/* only a comment */",
    })
    void ordinaryStatementsAreTransactional(String sql) {
        assertThat(NonTransactionalStatements.requiresNoTransaction(sql)).isFalse();
    }
}
