package dev.rehearsal.migration;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.Dialects;
import java.nio.file.Path;
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

    /** {@code (?:\.(?<variant>sqlite|postgres|mysql))?}: the optional dialect infix of every format. */
    static final String VARIANT = "(?:\\.(?<variant>"
            + Dialects.all().stream().map(d -> Pattern.quote(d.fileVariant())).collect(Collectors.joining("|"))
            + "))?";

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
        String variant = group(m, "variant");
        String role = group(m, "role");
        return new MigrationFileName(path, version(path, m.group("version")), m.group("name"), variant,
                role == null ? defaultRole : role);
    }

    /** Parses a version taken from {@code path}'s name, naming the file when it does not parse. */
    static MigrationVersion version(Path path, String text) {
        if (!MigrationVersion.isVersion(text)) {
            throw new RehearsalException(ErrorCode.INVALID_VERSION, path + ": '" + text
                    + "' is not a version; write the version as digits, optionally separated by dots"
                    + " (20240101123456, 001, 1.2.3)");
        }
        return MigrationVersion.parse(text);
    }

    /** The description people read: {@code add_user-emails} becomes {@code add user emails}. */
    String description() {
        return name.replace('_', ' ').replace('-', ' ').trim().replaceAll(" +", " ");
    }

    private static String group(Matcher m, String group) {
        return m.pattern().pattern().contains("(?<" + group + ">") ? m.group(group) : null;
    }
}
