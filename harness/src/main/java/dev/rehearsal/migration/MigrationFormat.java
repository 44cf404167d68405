package dev.rehearsal.migration;

/** The file conventions Rehearsal reads, detected per directory. */
public enum MigrationFormat {
    /** One file, {@code -- +migrate Up} / {@code -- +migrate Down}. */
    SQL_MIGRATE("sql-migrate"),
    /** One file, {@code -- +goose Up} / {@code -- +goose Down}. */
    GOOSE("goose"),
    /** One file, {@code -- migrate:up} / {@code -- migrate:down}. */
    DBMATE("dbmate"),
    /**
     * {@code <version>_<name>.up.sql} + {@code .down.sql} (golang-migrate, sqlx; popx with its dialect
     * variants and {@code .autocommit}), and {@code V<version>.<Name>.up.sql}.
     */
    PAIRED_FILES("up/down files"),
    /** A folder per migration holding {@code up.sql} + {@code down.sql} (diesel). */
    DIESEL("diesel"),
    /** {@code V<version>__<desc>.sql} with an optional {@code U<version>__<desc>.sql}. */
    FLYWAY("flyway");

    private final String displayName;

    MigrationFormat(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
