package dev.rehearsal.migration;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.Dialect;
import dev.rehearsal.database.Dialects;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a migration file's name says.
 *
 * @param path the file (or diesel folder)
 * @param version the parsed version
 * @param name the name part as written ({@code add_users})
 * @param variant the dialect infix ({@code postgres} in {@code 1_x.postgres.sql}), or null for the generic file
 * @param role which part of the migration the file holds ({@code up}, {@code down}, {@code script}...)
 */
record MigrationFileName(Path path, MigrationVersion version, String name, String variant, String role) {

    /**
     * The optional dialect infix of every format: any word after a last dot ({@code x.oracle} too), so
     * that an unknown one is refused by {@link #variant} rather than read as part of the name.
     */
    static final String VARIANT = "(?:\\.(?!autocommit\\.)(?<variant>[A-Za-z][A-Za-z0-9]*))?";

    /**
     * Dialects that popx and pop sets carry variants for and Rehearsal does not run: their files are
     * another engine's, left out like any other dialect's, never refused as an unknown infix.
     */
    private static final Map<String, String> OTHER_DIALECTS =
            Map.of("cockroach", "cockroach", "cockroachdb", "cockroach");

    /**
     * Matches {@code fileName} against {@code pattern} (named groups {@code version}, {@code name}, and
     * optionally {@code variant} and {@code role}).
     *
     * @return null when the name does not match
     * @throws RehearsalException INVALID_VERSION naming the file when the version part does not parse
     */
    static MigrationFileName match(Pattern pattern, Path path, String fileName, String defaultRole) {
        Matcher m = pattern.matcher(fileName);
        if (!m.matches()) {
            return null;
        }
        String role = group(m, "role");
        return new MigrationFileName(path, version(path, m.group("version")), m.group("name"),
                variant(path, group(m, "variant")), role == null ? defaultRole : role);
    }

    /**
     * The dialect's own infix for {@code infix} as written in {@code path}'s name ({@code pg} gives
     * {@code postgres}); null stays null.
     *
     * @throws RehearsalException BAD_MIGRATION_FILE naming the file and the known infixes when no dialect has it
     */
    static String variant(Path path, String infix) {
        if (infix == null) {
            return null;
        }
        String other = OTHER_DIALECTS.get(infix.toLowerCase(Locale.ROOT));
        if (other != null) {
            return other;
        }
        for (Dialect dialect : Dialects.all()) {
            if (dialect.fileVariant().equalsIgnoreCase(infix)
                    || dialect.fileVariantAliases().stream().anyMatch(infix::equalsIgnoreCase)) {
                return dialect.fileVariant();
            }
        }
        throw new RehearsalException(ErrorCode.BAD_MIGRATION_FILE, path + ": '." + infix
                + "' is not a dialect infix Rehearsal knows; use " + Dialects.all().stream()
                        .map(MigrationFileName::infixes).collect(Collectors.joining(", "))
                + ", or no infix for every engine (.cockroach files are read and left out); if '" + infix
                + "' is part of the name, write '_' instead of the '.' before it");
    }

    /** {@code .postgres (or .postgresql, .pg)}. */
    private static String infixes(Dialect dialect) {
        return "." + dialect.fileVariant() + (dialect.fileVariantAliases().isEmpty() ? ""
                : dialect.fileVariantAliases().stream().sorted().map(a -> "." + a)
                        .collect(Collectors.joining(", ", " (or ", ")")));
    }

    /**
     * Parses a version taken from {@code path}'s name, naming the file when it does not parse or is
     * too long for the history table.
     */
    static MigrationVersion version(Path path, String text) {
        if (!MigrationVersion.isVersion(text) || text.contains("-")) { // dashes are diesel's alone
            throw new RehearsalException(ErrorCode.INVALID_VERSION, path + ": '" + text
                    + "' is not a version; write the version as digits, optionally separated by dots"
                    + " (20240101123456, 001, 1.2.3)");
        }
        requireStorable(path, text);
        return MigrationVersion.parse(text);
    }

    /**
     * Refuses a version the history table cannot record: found only when its row is written, after
     * the migration ran, it would fail or (SQLite ignores lengths) hold a version others cannot read.
     */
    static void requireStorable(Path path, String text) {
        if (text.length() > MigrationVersion.MAX_LENGTH) {
            throw new RehearsalException(ErrorCode.INVALID_VERSION, path + ": the version is " + text.length()
                    + " characters long; the history table's version column holds at most "
                    + MigrationVersion.MAX_LENGTH + ": shorten it (a timestamp such as 20240101123456 is 14)");
        }
    }

    /** The description people read: {@code add_user-emails} becomes {@code add user emails}. */
    String description() {
        return describe(name);
    }

    static String describe(String name) {
        return name.replace('_', ' ').replace('-', ' ').trim().replaceAll(" +", " ");
    }

    /** The engine a variant infix names, for messages: {@code postgres}, or {@code cockroach}. */
    static String dialectName(String variant) {
        return OTHER_DIALECTS.containsKey(variant) ? variant : Dialects.forName(variant).name();
    }

    private static String group(Matcher m, String group) {
        return m.pattern().pattern().contains("(?<" + group + ">") ? m.group(group) : null;
    }
}
