package dev.rehearsal.migration;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A migration version as written in a file name ({@code 20240101123456}, {@code 001}, {@code 1.2.3},
 * Flyway's {@code 1_2}, diesel's {@code 2024-01-01-123456}), ordered as the tool that owns the files
 * orders it.
 *
 * <p>Numeric versions (every format but diesel) compare numerically part by part, so {@code 2 < 10}
 * and {@code 001 == 1}. Diesel versions compare as text, as diesel does: diesel drops the dashes and
 * sorts the rest as a string, so {@code 2024-03-13} (the folder {@code 2024-03-13_170000_x}) comes
 * after {@code 2024-03-06-170000}, and {@code 2024-01-01-120000} is the same version as
 * {@code 20240101120000}.
 *
 * @param text the version as written (shown, stored in the history table, used in engine ids)
 * @param key what identifies it: the text, without dashes for a diesel version
 * @param textOrder true when it compares as text (diesel), false when numerically by parts
 */
public record MigrationVersion(String text, String key, boolean textOrder) implements Comparable<MigrationVersion> {
    /** The longest version text a migration file may carry: the width of the history table's version column. */
    public static final int MAX_LENGTH = 100;

    private static final Pattern NUMERIC = Pattern.compile("\\d+([._]\\d+)*");
    private static final Pattern DASHED = Pattern.compile("\\d+(-\\d+)+");

    /**
     * Parses {@code text}: digits with dots (or, as Flyway allows, underscores) between parts compare
     * numerically; digits with dashes (diesel's {@code 2024-01-01-120000}, as typed on a command line or
     * read back from the history table) compare as diesel compares them.
     */
    public static MigrationVersion parse(String text) {
        if (text != null && NUMERIC.matcher(text).matches()) {
            return new MigrationVersion(text, text, false);
        }
        if (text != null && DASHED.matcher(text).matches()) {
            return diesel(text);
        }
        throw new RehearsalException(ErrorCode.INVALID_VERSION,
                "'" + text + "' is not a version: use digits, optionally separated by dots"
                        + " (20240101123456, 001, 1.2.3) or dashes (2024-01-01-123456)");
    }

    /** A diesel version: the dashes dropped, the rest compared as text. */
    public static MigrationVersion diesel(String text) {
        return new MigrationVersion(text, text.replace("-", ""), true);
    }

    /** True when {@code text} would {@link #parse}. */
    public static boolean isVersion(String text) {
        return text != null && (NUMERIC.matcher(text).matches() || DASHED.matcher(text).matches());
    }

    /**
     * Numeric versions compare part by part; when either side is a diesel version both compare as
     * text (a version typed as {@code 20240101120000} finds diesel's {@code 2024-01-01-120000}).
     */
    @Override
    public int compareTo(MigrationVersion other) {
        if (textOrder || other.textOrder) {
            return key.compareTo(other.key);
        }
        List<BigInteger> parts = parts(key);
        List<BigInteger> others = parts(other.key);
        int shared = Math.min(parts.size(), others.size());
        for (int i = 0; i < shared; i++) {
            int c = parts.get(i).compareTo(others.get(i));
            if (c != 0) {
                return c;
            }
        }
        // 1.2 == 1.2.0: trailing zero parts do not make a different version.
        List<BigInteger> longer = parts.size() > others.size() ? parts : others;
        for (int i = shared; i < longer.size(); i++) {
            if (longer.get(i).signum() != 0) {
                return parts.size() > others.size() ? 1 : -1;
            }
        }
        return 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MigrationVersion v && compareTo(v) == 0;
    }

    /** Equal versions share their numeric parts (when the key has them) or their key. */
    @Override
    public int hashCode() {
        if (!NUMERIC.matcher(key).matches()) {
            return key.hashCode();
        }
        List<BigInteger> parts = parts(key);
        int end = parts.size();
        while (end > 1 && parts.get(end - 1).signum() == 0) {
            end--;
        }
        return parts.subList(0, end).hashCode();
    }

    @Override
    public String toString() {
        return text;
    }

    private static List<BigInteger> parts(String key) {
        List<BigInteger> parsed = new ArrayList<>();
        for (String part : key.split("[._]")) {
            parsed.add(new BigInteger(part));
        }
        return parsed;
    }
}
