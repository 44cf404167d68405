package dev.rehearsal.database;

import java.util.logging.Filter;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * pgjdbc logs the URL it was given through java.util.logging, at WARNING when it cannot parse one
 * ("JDBC URL contains too many / characters: jdbc:postgresql://user:pass/word@host/db"), before
 * Rehearsal sees any exception. This filter masks the passwords in the driver's records before any
 * handler prints them; the warnings themselves stay. A filter the application set is left alone.
 */
final class DriverLogMasking implements Filter {
    // Held strongly: java.util.logging forgets the settings of a logger nobody references.
    private static final Logger PGJDBC_DRIVER = Logger.getLogger("org.postgresql.Driver");
    private static final Formatter MESSAGE = new SimpleFormatter();

    static {
        if (PGJDBC_DRIVER.getFilter() == null) {
            PGJDBC_DRIVER.setFilter(new DriverLogMasking());
        }
    }

    private DriverLogMasking() {
    }

    /** Installs the filter once per JVM (the class initializer does it). */
    static void install() {
        // loading the class is the work
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        record.setMessage(JdbcUrls.maskPasswords(MESSAGE.formatMessage(record)));
        record.setParameters(null);
        record.setResourceBundle(null);
        if (record.getThrown() != null) {
            record.setThrown(MaskedDriverException.of(record.getThrown(), JdbcUrls::maskPasswords));
        }
        return true;
    }
}
