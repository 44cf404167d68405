package dev.rehearsal.verification;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML node that remembers where it was written. Jackson's {@code JsonNode} tree drops token
 * locations, so the suite loader builds this one straight from the parser's tokens, to point
 * every error at {@code file:line:column}.
 */
final class YamlNode {
    enum Kind { MAPPING, SEQUENCE, SCALAR }

    final Kind kind;
    final String where;
    /** Scalars: String, a Number, Boolean, or null. */
    final Object value;
    final Map<String, YamlNode> fields = new LinkedHashMap<>();
    final Map<String, String> keyWhere = new LinkedHashMap<>();
    final List<YamlNode> items = new ArrayList<>();

    private YamlNode(Kind kind, String where, Object value) {
        this.kind = kind;
        this.where = where;
        this.value = value;
    }

    /** Reads the value at the parser's current token, and everything under it. */
    static YamlNode read(JsonParser parser, Path file) throws IOException {
        JsonToken token = parser.currentToken();
        String where = where(file, parser.currentTokenLocation());
        if (token == JsonToken.START_OBJECT) {
            YamlNode node = new YamlNode(Kind.MAPPING, where, null);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                String keyWhere = where(file, parser.currentTokenLocation());
                if (node.fields.containsKey(key)) {
                    throw error(keyWhere, "duplicate key '" + key + "'; keep one of them");
                }
                parser.nextToken();
                node.keyWhere.put(key, keyWhere);
                node.fields.put(key, read(parser, file));
            }
            return node;
        }
        if (token == JsonToken.START_ARRAY) {
            YamlNode node = new YamlNode(Kind.SEQUENCE, where, null);
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                node.items.add(read(parser, file));
            }
            return node;
        }
        Object value = token == JsonToken.VALUE_NULL ? null
                : token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE ? parser.getBooleanValue()
                : token.isNumeric() ? parser.getNumberValue()
                : parser.getText();
        return new YamlNode(Kind.SCALAR, where, value);
    }

    static String where(Path file, JsonLocation location) {
        return file + ":" + location.getLineNr() + ":" + location.getColumnNr();
    }

    static RehearsalException error(String where, String message) {
        return new RehearsalException(ErrorCode.BAD_SUITE_FILE, where + ": " + message);
    }

    RehearsalException error(String message) {
        return error(where, message);
    }

    boolean isScalar() {
        return kind == Kind.SCALAR;
    }

    boolean isMapping() {
        return kind == Kind.MAPPING;
    }

    /** Rejects keys outside {@code allowed}, pointing at the first stranger. */
    void allowOnly(String what, String... allowed) {
        List<String> keys = Arrays.asList(allowed);
        for (Map.Entry<String, String> key : keyWhere.entrySet()) {
            if (!keys.contains(key.getKey())) {
                throw error(key.getValue(), "unknown field '" + key.getKey() + "' in " + what + "; use "
                        + String.join(", ", keys));
            }
        }
    }

    /** A scalar's text; numbers as written ({@code 20240215000000} stays exact). */
    String text(String what) {
        if (!isScalar() || value == null || String.valueOf(value).isBlank()) {
            throw error(what + " must be a non-empty text value");
        }
        return String.valueOf(value);
    }

    /** The field's text, or null when the field is absent. */
    String optionalText(String key, String what) {
        YamlNode field = fields.get(key);
        return field == null ? null : field.text(what + " " + key);
    }

    String requiredText(String key, String what, String example) {
        YamlNode field = fields.get(key);
        if (field == null) {
            throw error(what + " needs '" + key + "'; e.g. " + example);
        }
        return field.text(what + " " + key);
    }

    Long optionalInteger(String key, String what) {
        YamlNode field = fields.get(key);
        if (field == null) {
            return null;
        }
        if (!field.isScalar() || !(field.value instanceof Integer || field.value instanceof Long)) {
            throw field.error(what + " " + key + " must be a whole number, e.g. " + key + ": 10");
        }
        return ((Number) field.value).longValue();
    }

    Boolean optionalBoolean(String key, String what) {
        YamlNode field = fields.get(key);
        if (field == null) {
            return null;
        }
        if (!(field.value instanceof Boolean b)) {
            throw field.error(what + " " + key + " must be true or false");
        }
        return b;
    }
}
