package dev.rehearsal.snapshot.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import java.util.List;
import java.util.Optional;

/**
 * The structure of one database at one moment: what {@link SchemaReader} saw, normalized so that
 * the same logical schema gives an equal snapshot on every run. Every list is sorted by name (columns
 * by position), and the names the engine made up for unnamed foreign keys and checks are dropped
 * ({@link GeneratedNames} says why), so creation order never matters. Immutable; serializes to JSON
 * and back.
 *
 * @param dialect the engine it was read from ({@code sqlite}, {@code postgres}, {@code mariadb})
 * @param materializedViews PostgreSQL materialized views; empty elsewhere
 * @param sequences stand-alone PostgreSQL sequences (not those owned by a column); empty elsewhere
 * @param types PostgreSQL enum and domain types; empty elsewhere
 * @param routines stored functions and procedures (PostgreSQL, MariaDB); empty for SQLite, and when read
 *     from JSON written before they were snapshotted
 * @param others extensions, schemas, comments, events... ({@link CatalogObject}); empty for SQLite, and when
 *     read from JSON written before they were snapshotted
 * @since 0.1
 */
public record SchemaSnapshot(String dialect, List<Table> tables, List<View> views,
        List<MaterializedView> materializedViews, List<Trigger> triggers, List<Sequence> sequences, List<UserType> types,
        List<Routine> routines, List<CatalogObject> others) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public SchemaSnapshot {
        // Also on reading JSON, so a snapshot written before names were dropped compares the same.
        tables = Sorting.byName(tables == null ? null : tables.stream().map(t -> GeneratedNames.forget(dialect, t)).toList(),
                Table::name);
        views = Sorting.byName(views, View::name);
        materializedViews = Sorting.byName(materializedViews, MaterializedView::name);
        triggers = Sorting.byName(triggers, t -> t.table() + "\u0000" + t.name());
        sequences = Sorting.byName(sequences, Sequence::name);
        types = Sorting.byName(types, UserType::name);
        routines = Sorting.byName(routines, r -> r.name() + "\u0000" + r.arguments());
        others = Sorting.byName(others, o -> o.kind() + "\u0000" + o.name());
    }

    /** A snapshot without the objects beside the tables. */
    public SchemaSnapshot(String dialect, List<Table> tables, List<View> views, List<MaterializedView> materializedViews,
            List<Trigger> triggers, List<Sequence> sequences, List<UserType> types, List<Routine> routines) {
        this(dialect, tables, views, materializedViews, triggers, sequences, types, routines, List.of());
    }

    /** A snapshot of an engine without materialized views or routines. */
    public SchemaSnapshot(String dialect, List<Table> tables, List<View> views, List<Trigger> triggers,
            List<Sequence> sequences, List<UserType> types) {
        this(dialect, tables, views, List.of(), triggers, sequences, types, List.of(), List.of());
    }

    /** A snapshot without routines. */
    public SchemaSnapshot(String dialect, List<Table> tables, List<View> views, List<MaterializedView> materializedViews,
            List<Trigger> triggers, List<Sequence> sequences, List<UserType> types) {
        this(dialect, tables, views, materializedViews, triggers, sequences, types, List.of(), List.of());
    }

    /** The table called {@code name} (exact, case-sensitive), if the snapshot has it. */
    public Optional<Table> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** Pretty-printed JSON; {@link #fromJson(String)} reads it back to an equal snapshot. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a schema snapshot always serializes", e);
        }
    }

    /** Reads a snapshot written by {@link #toJson()}. */
    public static SchemaSnapshot fromJson(String json) {
        try {
            return JSON.readValue(json, SchemaSnapshot.class);
        } catch (JsonProcessingException e) {
            throw new RehearsalException(ErrorCode.BAD_USAGE, "not a schema snapshot (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + "): "
                    + e.getOriginalMessage() + "; pass a file written by SchemaSnapshot.toJson()", e);
        }
    }
}
