package dev.rehearsal.verification;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Compares values from suite files with what JDBC returns, and renders both for messages. */
final class QueryValues {
    private QueryValues() {
    }

    /**
     * Numbers compare by value (a YAML {@code 0} equals a {@code BIGINT} or {@code NUMERIC} zero, or
     * a SQLite text {@code '0'}); a boolean also equals 1/0, as SQLite and MariaDB store it.
     */
    static boolean matches(Object expected, Object actual) {
        if (expected == null || actual == null) {
            return expected == null && actual == null;
        }
        if (expected instanceof Boolean b) {
            if (actual instanceof Boolean a) {
                return a.equals(b);
            }
            return matches(b ? 1 : 0, actual) || String.valueOf(actual).toLowerCase(Locale.ROOT).equals(b ? "t" : "f");
        }
        if (expected instanceof Number || actual instanceof Number) {
            BigDecimal e = decimal(expected);
            BigDecimal a = decimal(actual);
            if (e != null && a != null) {
                return e.compareTo(a) == 0;
            }
        }
        return String.valueOf(expected).equals(String.valueOf(actual));
    }

    static boolean rowsMatch(List<List<Object>> expected, List<List<Object>> actual) {
        if (expected.size() != actual.size()) {
            return false;
        }
        for (int r = 0; r < expected.size(); r++) {
            List<Object> e = expected.get(r);
            List<Object> a = actual.get(r);
            if (e.size() != a.size()) {
                return false;
            }
            for (int c = 0; c < e.size(); c++) {
                if (!matches(e.get(c), a.get(c))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** One row of one column renders as the bare value; otherwise a list of rows. */
    static String render(List<List<Object>> rows) {
        if (rows.size() == 1 && rows.get(0).size() == 1) {
            return render(rows.get(0).get(0));
        }
        return rows.stream().map(QueryValues::render).collect(Collectors.joining(", ", "[", "]"));
    }

    static String render(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return "'" + s + "'";
        }
        if (value instanceof List<?> list) {
            return list.stream().map(QueryValues::render).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof byte[] bytes) {
            return "<" + bytes.length + " bytes>";
        }
        return String.valueOf(value);
    }

    private static BigDecimal decimal(Object value) {
        if (value instanceof Boolean) {
            return null;
        }
        try {
            return new BigDecimal(String.valueOf(value).strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
