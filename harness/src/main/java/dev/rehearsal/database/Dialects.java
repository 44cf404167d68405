package dev.rehearsal.database;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import java.util.List;
import java.util.Locale;

/** The dialects Rehearsal ships, looked up by URL or name. */
public final class Dialects {
    public static final Dialect SQLITE = new SqliteDialect();
    public static final Dialect POSTGRES = new PostgresDialect();
    public static final Dialect MARIADB = new MariaDbDialect();

    private Dialects() {
    }

    public static List<Dialect> all() {
        return List.of(SQLITE, POSTGRES, MARIADB);
    }

    public static Dialect forUrl(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRES;
        }
        if (url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:")) {
            return MARIADB;
        }
        // Only the scheme: the rest of a URL Rehearsal cannot parse may hold a password in any form.
        int scheme = url.indexOf(':', "jdbc:".length());
        throw new RehearsalException(ErrorCode.BAD_USAGE, "unsupported database URL "
                + (scheme < 0 ? "'" + JdbcUrls.maskPasswords(jdbcUrl, jdbcUrl, null) + "'" : jdbcUrl.substring(0, scheme + 1) + "...")
                + ": use jdbc:sqlite:<file>, jdbc:postgresql://... or jdbc:mariadb://...");
    }

    public static Dialect forName(String name) {
        for (Dialect dialect : all()) {
            if (dialect.name().equalsIgnoreCase(name) || dialect.fileVariant().equalsIgnoreCase(name)
                    || dialect.fileVariantAliases().stream().anyMatch(a -> a.equalsIgnoreCase(name))) {
                return dialect;
            }
        }
        throw new RehearsalException(ErrorCode.BAD_USAGE,
                "unknown dialect '" + name + "': use sqlite (or sqlite3), postgres (or postgresql, pg) or mariadb (or mysql)");
    }
}
