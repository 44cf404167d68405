package dev.rehearsal.drill;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.Target;
import dev.rehearsal.snapshot.data.DatabaseFingerprint;
import dev.rehearsal.snapshot.data.FingerprintDiffer;
import dev.rehearsal.snapshot.data.Fingerprinter;
import dev.rehearsal.snapshot.diff.Diff;
import dev.rehearsal.snapshot.schema.SchemaDiffer;
import dev.rehearsal.snapshot.schema.SchemaReader;
import dev.rehearsal.snapshot.schema.SchemaSnapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

/** The schema snapshot and data fingerprint of a database at one moment, Rehearsal's own tables left out. */
record DatabaseState(SchemaSnapshot schema, DatabaseFingerprint data) {

    static DatabaseState capture(Target target, Set<String> excluded) {
        try (Connection c = target.connect()) {
            return new DatabaseState(SchemaReader.read(c, target.dialect(), excluded),
                    Fingerprinter.fingerprint(c, target.dialect(), excluded));
        } catch (SQLException e) {
            throw new RehearsalException(ErrorCode.CONNECTION_FAILED,
                    "cannot snapshot " + target.displayUrl() + ": " + e.getMessage(), e);
        }
    }

    /** Schema differences first, then data; empty when both are identical. */
    Diff compare(DatabaseState after, String beforeLabel, String afterLabel) {
        return SchemaDiffer.compare(schema, after.schema, beforeLabel, afterLabel)
                .plus(FingerprintDiffer.compare(data, after.data, beforeLabel, afterLabel));
    }
}
