package dev.rehearsal.migration;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.Dialect;
import dev.rehearsal.database.Dialects;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Groups named files by version, rejects duplicates, and picks for each part of a migration the file
 * for the target's dialect ({@code x.postgres.sql}), falling back to the generic one ({@code x.sql}).
 * Other dialects' variants are neither chosen nor duplicates; a migration only other dialects have
 * is refused, since it would silently not run on the target.
 */
final class VariantSelection {
    /** The roles of the files that roll a migration back. */
    private static final Set<String> DOWN_ROLES = Set.of("down", "U");

    private VariantSelection() {
    }

    /**
     * The files of one version.
     *
     * @param chosen the file per role for the target's dialect; a role is absent when no file serves it
     * @param all every file of the version, whatever its dialect
     * @param dialect the target's dialect
     */
    record VersionFiles(MigrationVersion version, String name, Map<String, Path> chosen, List<MigrationFileName> all,
            Dialect dialect) {

        /**
         * The target's file for the part of the migration that must exist everywhere (the up script).
         *
         * @return null when no dialect has a file for {@code role}
         * @throws RehearsalException BAD_MIGRATION_FILE naming the file and its dialect when only other
         *     dialects have one: the migration would silently be left out on this target
         */
        Path requiredForTarget(String role) {
            Path file = chosen.get(role);
            List<MigrationFileName> others = all.stream().filter(f -> f.role().equals(role)).toList();
            if (file != null || others.isEmpty()) {
                return file;
            }
            String engines = others.stream().map(f -> MigrationFileName.dialectName(f.variant())).distinct()
                    .collect(Collectors.joining(" and "));
            throw new RehearsalException(ErrorCode.BAD_MIGRATION_FILE, others.get(0).path() + ": migration " + version
                    + " has files only for " + engines + ", and the target is " + dialect.name()
                    + ": add one without the dialect infix (for every engine) or one with the ." + dialect.fileVariant()
                    + " infix");
        }

        /** The name as people read it ({@code add_user-emails} gives {@code add user emails}). */
        String description() {
            return MigrationFileName.describe(name);
        }
    }

    /** @return one entry per version, in version order */
    static List<VersionFiles> select(List<MigrationFileName> files, Dialect dialect) {
        Map<MigrationVersion, List<MigrationFileName>> byVersion = new TreeMap<>();
        files.stream()
                .sorted(Comparator.comparing(f -> f.path().toString()))
                .forEach(f -> byVersion.computeIfAbsent(f.version(), v -> new ArrayList<>()).add(f));
        List<VersionFiles> result = new ArrayList<>();
        byVersion.forEach((version, group) -> result.add(choose(version, group, dialect)));
        return result;
    }

    /**
     * Pairs the version's files as golang-migrate does, by version alone: {@code 30_add_x.up.sql} and
     * {@code 30_drop_x.down.sql} are one migration, and a dialect variant may carry another name.
     */
    private static VersionFiles choose(MigrationVersion version, List<MigrationFileName> group, Dialect dialect) {
        Map<String, MigrationFileName> seen = new HashMap<>();
        Map<String, Path> chosen = new LinkedHashMap<>();
        for (MigrationFileName file : group) {
            MigrationFileName twin = seen.put(file.role() + "." + file.variant(), file);
            if (twin != null) {
                throw duplicate(version, twin, file);
            }
            if (file.variant() == null) {
                chosen.put(file.role(), file.path());
            }
        }
        // The target dialect's file wins over the generic one.
        for (MigrationFileName file : group) {
            if (Objects.equals(file.variant(), dialect.fileVariant())) {
                chosen.put(file.role(), file.path());
            }
        }
        return new VersionFiles(version, named(group, chosen).name(), chosen, List.copyOf(group), dialect);
    }

    /** The file whose name the migration takes: the target's up file, else any file chosen, else the first. */
    private static MigrationFileName named(List<MigrationFileName> group, Map<String, Path> chosen) {
        List<MigrationFileName> used = group.stream().filter(f -> f.path().equals(chosen.get(f.role()))).toList();
        return used.stream().filter(f -> !DOWN_ROLES.contains(f.role())).findFirst()
                .orElse(used.isEmpty() ? group.get(0) : used.get(0));
    }

    /**
     * Two files for one part of one version: say which, so that the advice fits (renumbering is
     * right for two migrations, wrong for two spellings of one dialect's variant).
     */
    private static RehearsalException duplicate(MigrationVersion version, MigrationFileName a, MigrationFileName b) {
        String part = a.role().equals("script") || a.role().equals("folder") ? "" : " " + a.role();
        if (a.variant() != null) {
            boolean autocommit = a.path().getFileName().toString().contains(".autocommit.")
                    != b.path().getFileName().toString().contains(".autocommit.");
            String why = !a.name().equals(b.name()) ? ""
                    : autocommit ? " (one of them with .autocommit)"
                    : " (.sqlite3/.sqlite, .pg/.postgresql/.postgres and .mariadb/.mysql name the same dialect)";
            return new RehearsalException(ErrorCode.DUPLICATE_VERSION, a.path() + " and " + b.path()
                    + " are both the " + a.variant() + part + " file of migration " + version + why
                    + "; keep one of them");
        }
        if (!a.name().equals(b.name())) {
            return new RehearsalException(ErrorCode.DUPLICATE_VERSION, "version " + version + " is claimed by both "
                    + a.path() + " and " + b.path() + "; give each migration its own version (renumber one of them)");
        }
        return new RehearsalException(ErrorCode.DUPLICATE_VERSION, a.path() + " and " + b.path() + " are both the"
                + part + " file of migration " + version + " (" + a.version().text() + " and " + b.version().text()
                + " are the same version); keep one of them");
    }
}
