package dev.rehearsal;

/** What went wrong, coarse enough for an exit code and fine enough for a test to assert. */
public enum ErrorCode {
    /** A migration file is malformed (missing marker, unterminated block or quote...). */
    BAD_MIGRATION_FILE(Kind.BAD_INPUT),
    /** A file name does not carry a version Rehearsal can compare. */
    INVALID_VERSION(Kind.BAD_INPUT),
    /** Two files claim the same version. */
    DUPLICATE_VERSION(Kind.BAD_INPUT),
    /** One directory holds files of more than one migration format. */
    MIXED_FORMATS(Kind.BAD_INPUT),
    /** The migrations directory is missing or unreadable. */
    MIGRATIONS_NOT_FOUND(Kind.BAD_INPUT),
    /** A requested version does not exist. */
    UNKNOWN_VERSION(Kind.BAD_INPUT),
    /** Applied migrations disagree with the files on disk. */
    VALIDATION_FAILED(Kind.FAILURE),
    /** A statement failed on the database. */
    MIGRATION_FAILED(Kind.FAILURE),
    /** A migration has no rollback script and a rollback was asked for. */
    NO_ROLLBACK(Kind.FAILURE),
    /** A previous migration failed part-way on an engine without transactional DDL; repair first. */
    NEEDS_REPAIR(Kind.FAILURE),
    /** Another runner holds the migration lock. */
    LOCK_TIMEOUT(Kind.FAILURE),
    /** The database cannot be reached. */
    CONNECTION_FAILED(Kind.FAILURE),
    /** The history table was written by a newer Rehearsal. */
    HISTORY_TOO_NEW(Kind.BAD_INPUT),
    /** A mutating command against a production target without --force. */
    PRODUCTION_GUARD(Kind.BAD_INPUT),
    /** A verification suite file is malformed. */
    BAD_SUITE_FILE(Kind.BAD_INPUT),
    /** A verification check failed. */
    CHECK_FAILED(Kind.FAILURE),
    /** A backup could not be written, verified or restored. */
    BACKUP_FAILED(Kind.FAILURE),
    /** A fixture file is misnamed, unreadable or malformed, or names a table or column that does not exist. */
    BAD_FIXTURE_FILE(Kind.BAD_INPUT),
    /** A fixture could not be inserted (constraint violation, type mismatch...). */
    FIXTURE_FAILED(Kind.FAILURE),
    /** Invalid command line or configuration. */
    BAD_USAGE(Kind.BAD_INPUT);

    /** Bad input exits 2 and changes nothing; a failure exits 1. */
    public enum Kind { BAD_INPUT, FAILURE }

    private final Kind kind;

    ErrorCode(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public int exitCode() {
        return kind == Kind.BAD_INPUT ? 2 : 1;
    }
}
