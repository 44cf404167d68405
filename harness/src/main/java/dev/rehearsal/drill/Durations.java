package dev.rehearsal.drill;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in drill options and read them in drill output: {@code 15m},
 * {@code 90s}, {@code 1h}, {@code 250ms}; shown as {@code 1.234 s} or {@code 15m}.
 *
 * @since 0.1
 */
public final class Durations {
    private static final Pattern TEXT = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

    private Durations() {
    }

    /**
     * Parses {@code <number>[ms|s|m|h]}, seconds when no unit is given; or an ISO-8601 {@code PT15M}.
     * Every duration a drill takes is a time limit, so zero and negative durations are refused.
     *
     * @throws IllegalArgumentException saying what is allowed, for text that is not a duration, is zero
     *     or negative, or is too long to count
     */
    public static Duration parse(String text) {
        Duration parsed = parseAny(text);
        if (parsed.isZero() || parsed.isNegative()) {
            throw new IllegalArgumentException("'" + text + "' is not a time limit: it must be more than zero;"
                    + " write e.g. 15m, 90s, 1h or 500ms");
        }
        return parsed;
    }

    private static Duration parseAny(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("pt")) {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            }
            Matcher m = TEXT.matcher(t);
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                return switch (m.group(2) == null ? "s" : m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofSeconds(n);
                };
            }
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            // too many digits, or not ISO-8601 after all: the message below says what to write
        }
        throw new IllegalArgumentException("'" + text + "' is not a duration; write e.g. 15m, 90s, 1h or 500ms");
    }

    /** Whole minutes or hours as {@code 15m}/{@code 1h}; anything else in seconds, to the millisecond. */
    public static String format(Duration d) {
        if (!d.isZero() && d.toSecondsPart() == 0 && d.toMillisPart() == 0 && d.getNano() == 0) {
            if (d.toMinutesPart() == 0) {
                return d.toHours() + "h";
            }
            return d.toMinutes() + "m";
        }
        return String.format(Locale.ROOT, "%.3f s", d.toNanos() / 1e9);
    }
}
