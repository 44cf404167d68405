package dev.rehearsal.cli;

import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --lock-timeout SECONDS}: a whole number from 0 to one day. A negative wait means nothing
 * sensible (MariaDB's {@code GET_LOCK} would even wait forever), and a huge one overflows the
 * engines' millisecond and nanosecond clocks, so both are refused while parsing, before anything runs.
 */
final class LockTimeoutConverter implements ITypeConverter<Duration> {
    static final long MAX_SECONDS = Duration.ofDays(1).toSeconds();

    @Override
    public Duration convert(String value) {
        long seconds;
        try {
            seconds = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw outOfRange(value);
        }
        if (seconds < 0 || seconds > MAX_SECONDS) {
            throw outOfRange(value);
        }
        return Duration.ofSeconds(seconds);
    }

    private static TypeConversionException outOfRange(String value) {
        return new TypeConversionException("'" + value + "' is not allowed: --lock-timeout takes whole seconds from 0"
                + " to " + MAX_SECONDS + " (one day)");
    }
}
