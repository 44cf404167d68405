package dev.rehearsal.testing;

import java.sql.SQLException;
import java.util.Locale;
import org.sqlite.Function;

/**
 * A SQL function as a project would register it in its SQLite driver: {@code slugify('Hello, World')}
 * is {@code 'hello-world'}. Declared by {@code realistic-sets/sqlite-functions/rehearsal.yaml}.
 */
public class Slugify extends Function {
    @Override
    protected void xFunc() throws SQLException {
        if (args() != 1) {
            throw new SQLException("slugify takes one argument, got " + args());
        }
        String text = value_text(0);
        if (text == null) {
            result();
            return;
        }
        result(text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", ""));
    }
}
