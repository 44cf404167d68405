package dev.rehearsal.migration;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A migration version as written in a file name ({@code 20240101123456}, {@code 001}, {@code 1.2.3},
 * Flyway's {@code 1_2}). Versions compare numerically part by part, so {@code 2 < 10} and
 * {@code 001 == 1}.
 */
public record MigrationVersion(String text, List<BigInteger> parts) implements Comparable<MigrationVersion> {
    /** The longest version text a migration file may carry: the width of the history table's version column. */
    public static final int MAX_LENGTH = 100;

    public MigrationVersion {
        parts = List.copyOf(parts);
    }

    /** Parses {@code text}; dots and (as Flyway allows) underscores separate parts. */
    public static MigrationVersion parse(String text) {
        if (text == null || text.isEmpty() || !text.matches("\\d+([._]\\d+)*")) {
            throw new RehearsalException(ErrorCode.INVALID_VERSION,
                    "'" + text + "' is not a version: use digits, optionally separated by dots"
                            + " (20240101123456, 001, 1.2.3)");
        }
        List<BigInteger> parsed = new ArrayList<>();
        for (String part : text.split("[._]")) {
            parsed.add(new BigInteger(part));
        }
        return new MigrationVersion(text, parsed);
    }

    /** True when {@code text} would parse. */
    public static boolean isVersion(String text) {
        return text != null && text.matches("\\d+([._]\\d+)*");
    }

    @Override
    public int compareTo(MigrationVersion other) {
        int shared = Math.min(parts.size(), other.parts.size());
        for (int i = 0; i < shared; i++) {
            int c = parts.get(i).compareTo(other.parts.get(i));
            if (c != 0) {
                return c;
            }
        }
        // 1.2 == 1.2.0: trailing zero parts do not make a different version.
        List<BigInteger> longer = parts.size() > other.parts.size() ? parts : other.parts;
        for (int i = shared; i < longer.size(); i++) {
            if (longer.get(i).signum() != 0) {
                return parts.size() > other.parts.size() ? 1 : -1;
            }
        }
        return 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MigrationVersion v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
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
}
