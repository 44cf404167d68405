package dev.rehearsal.verification;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** query and marker: checks that run SQL and look at what comes back. */
final class QueryChecks {
    /** Enough rows to say what a query returned without flooding the report. */
    private static final int SHOWN_ROWS = 10;

    private QueryChecks() {
    }

    static Outcome query(Check.Query check, CheckContext context) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        boolean more = false;
        int limit = check.expectedRows().size() + SHOWN_ROWS;
        String sql = SingleStatement.of(check.sql(), context.dialect.syntax(), "the sql");
        try (Statement s = context.connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                if (rows.size() == limit) {
                    more = true;
                    break;
                }
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
        }
        String returned = rows.isEmpty() ? "no rows" : QueryValues.render(rows) + (more ? " and more rows" : "");
        if (!more && QueryValues.rowsMatch(check.expectedRows(), rows)) {
            return Outcome.held("returned " + returned);
        }
        return Outcome.broken("returned " + returned + ", expected " + QueryValues.render(check.expectedRows()));
    }

    static Outcome marker(Check.Marker check, CheckContext context) throws SQLException {
        if (context.table(check.table()).isEmpty()) {
            return Outcome.of(!check.present(), "marker table " + check.table() + " does not exist");
        }
        String sql = SingleStatement.of("select count(*) from " + context.dialect.quote(context.tableName(check.table()))
                + " where " + (check.where() != null ? check.where() : context.dialect.quote(check.column()) + " = ?"),
                context.dialect.syntax(), "the marker's where");
        long rows;
        try (PreparedStatement s = context.connection.prepareStatement(sql)) {
            if (check.where() == null) {
                s.setObject(1, check.value());
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                rows = rs.getLong(1);
            }
        }
        String found = rows == 0 ? "no marker row " : CountChecks.rows(rows) + " ";
        String message = found + "in " + check.table() + " with " + check.condition();
        return Outcome.of(check.present() == (rows > 0), message);
    }
}
