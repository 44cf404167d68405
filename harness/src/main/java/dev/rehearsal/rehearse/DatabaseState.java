package dev.rehearsal.rehearse;

import dev.rehearsal.snapshot.data.DatabaseFingerprint;
import dev.rehearsal.snapshot.schema.SchemaSnapshot;

/** The schema and data of a target run's database, read together on one connection at one moment. */
record DatabaseState(SchemaSnapshot schema, DatabaseFingerprint data) {
}
