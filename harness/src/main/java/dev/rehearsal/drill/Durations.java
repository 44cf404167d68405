package dev.rehearsal.drill;

import java.time.Duration;
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

    /** Parses {@code <number>[ms|s|m|h]}, seconds when no unit is given; or an ISO-8601 {@code PT15M}. */
    public static Duration parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("pt")) {
            return Duration.parse(t.toUpperCase(Locale.ROOT));
        }
        Matcher m = TEXT.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; write e.g. 15m, 90s, 1h or 500ms");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
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
