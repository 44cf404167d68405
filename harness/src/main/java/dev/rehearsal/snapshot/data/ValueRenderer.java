package dev.rehearsal.snapshot.data;

import java.util.HexFormat;

/** Renders a value for a diff message: NULL, numbers bare, text quoted and shortened, blobs as hex. */
final class ValueRenderer {
    private static final int MAX_TEXT = 40;
    private static final int MAX_BYTES = 16;

    private ValueRenderer() {
    }

    static String render(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof byte[] bytes) {
            String hex = HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, MAX_BYTES));
            return "x'" + hex + (bytes.length > MAX_BYTES ? "...' (" + bytes.length + " bytes)" : "'");
        }
        String text = value.toString();
        if (text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT) + "...";
        }
        return "'" + text.replace("'", "''") + "'";
    }
}
