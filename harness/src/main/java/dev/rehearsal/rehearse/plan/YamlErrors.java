package dev.rehearsal.rehearse.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * What is wrong in a YAML file, in the file's own terms (its keys, what a value must be), never in
 * Jackson's: no class names, no token names, one line. The caller prefixes {@code file:line:column}.
 */
final class YamlErrors {
    private YamlErrors() {
    }

    /** @param keys the keys the file may hold, for an unknown or misplaced one */
    static String describe(IOException e, String keys) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            String parent = path(unknown, 1);
            return "unknown key '" + unknown.getPropertyName() + "'" + (parent.isEmpty() ? "" : " in " + parent)
                    + "; expected keys: " + keys;
        }
        if (e.getCause() instanceof IllegalArgumentException invalid) {
            return firstLine(invalid.getMessage()); // our own setters' messages say what is allowed
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                && !(mismatch.getCause() instanceof JsonProcessingException)) {
            String at = path(mismatch, 0);
            return (at.isEmpty() ? "the file" : at) + ": expected " + expected(mismatch.getTargetType(), keys);
        }
        if (syntax(e) instanceof MarkedYAMLException yaml) {
            return "not valid YAML: " + firstLine(yaml.getProblem())
                    + (yaml.getContext() == null ? "" : " (" + firstLine(yaml.getContext()) + ")");
        }
        String text = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
        if (text != null && text.startsWith("Duplicate field '")) {
            String key = text.substring("Duplicate field '".length(), text.indexOf('\'', "Duplicate field '".length()));
            return "key '" + key + "' appears twice; a key may appear once per block: merge the two entries";
        }
        String at = e instanceof JsonMappingException mapping ? path(mapping, 0) : "";
        return (at.isEmpty() ? "" : at + ": ") + firstLine(text);
    }

    /** The YAML parser's own error, if that is what went wrong. */
    private static Throwable syntax(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException) {
                return t;
            }
        }
        return null;
    }

    /** {@code drills.objective} or {@code irreversible[2]}, leaving out the last {@code drop} steps. */
    private static String path(JsonMappingException e, int drop) {
        var steps = e.getPath();
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference step : steps.subList(0, Math.max(0, steps.size() - drop))) {
            if (step.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                path.append('[').append(step.getIndex() + 1).append(']');
            }
        }
        return path.toString();
    }

    private static String expected(Class<?> type, String keys) {
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list ('- item' lines, or [a, b])";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == String.class || readFromOneValue(type)) {
            return "a single value, not a list or a block of keys";
        }
        return "a block of 'key: value' lines; expected keys: " + keys;
    }

    /** A type written as one value in the file (a version, a {@code table.column}). */
    private static boolean readFromOneValue(Class<?> type) {
        return type.isAnnotationPresent(JsonDeserialize.class) || Arrays.stream(type.getDeclaredMethods())
                .anyMatch(m -> m.isAnnotationPresent(JsonCreator.class) && m.getParameterCount() == 1);
    }

    private static String firstLine(String text) {
        return String.valueOf(text).lines().findFirst().orElse("unreadable").strip();
    }
}
