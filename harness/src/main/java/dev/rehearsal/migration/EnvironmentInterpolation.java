package dev.rehearsal.migration;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The {@code $NAME} / {@code ${NAME}} expansion goose applies to one line after
 * {@code -- +goose ENVSUB ON}, with the rules of the library goose uses for it (mfridman/interpolate, a
 * subset of POSIX parameter expansion), so a migration rehearses exactly as goose will run it:
 * <ul>
 *   <li>{@code $NAME}, {@code ${NAME}}: the variable's value; an unset variable becomes empty text, as
 *       in goose. A name starts with a letter and goes on with letters, digits and {@code _}.
 *   <li>{@code ${NAME:-word}} (word when unset or empty), {@code ${NAME-word}} (word when unset),
 *       {@code ${NAME?message}} (an error when unset), {@code ${NAME:offset}} and
 *       {@code ${NAME:offset:length}} (a substring; negative values count from the end).
 *   <li>{@code $$} and {@code \$} are a literal {@code $} (so a {@code $$} dollar quote loses a
 *       {@code $}, as under goose), {@code $(} and a {@code $} ending the line stay as written.
 *   <li>Any other {@code $} (as in {@code $1} or {@code '$'}) is an error in goose, and here bad input
 *       naming file:line:column.
 * </ul>
 * Not reusable, not thread-safe.
 */
final class EnvironmentInterpolation {
    private final String text;
    private final Function<String, String> environment;
    private final Path file;
    private final int line;
    private int pos;

    private EnvironmentInterpolation(String text, Function<String, String> environment, Path file, int line) {
        this.text = text;
        this.environment = environment;
        this.file = file;
        this.line = line;
    }

    /**
     * @param environment a variable's value, or null when it is unset
     * @throws RehearsalException BAD_MIGRATION_FILE at {@code file:line:column} for what goose refuses
     */
    static String expand(String text, Function<String, String> environment, Path file, int line) {
        return new EnvironmentInterpolation(text, environment, file, line).expression((char) 0, true);
    }

    /** Text up to {@code stop} (0: the end); with {@code evaluate} false only parsed, as goose leaves unused defaults. */
    private String expression(char stop, boolean evaluate) {
        StringBuilder out = new StringBuilder();
        while (pos < text.length() && (stop == 0 || text.charAt(pos) != stop)) {
            if (text.startsWith("\\\\", pos)) {
                out.append("\\\\");
                pos += 2;
            } else if (text.startsWith("\\$", pos) || text.startsWith("$$", pos)) {
                out.append('$');
                pos += 2;
            } else if (text.startsWith("$(", pos)) {
                out.append("$(");
                pos += 2;
            } else if (text.charAt(pos) == '$' && pos < text.length() - 1) {
                out.append(expansion(evaluate));
            } else {
                out.append(text.charAt(pos++));
            }
        }
        return out.toString();
    }

    private String expansion(boolean evaluate) {
        int dollar = pos++;
        if (text.charAt(pos) != '{') {
            String name = name(dollar);
            return evaluate ? valueOf(name) : "";
        }
        pos++;
        String name = name(dollar);
        String value = evaluate ? environment.apply(name) : null;
        char operator = pos < text.length() ? text.charAt(pos++) : 0;
        String result;
        if (operator == '}') {
            return value == null ? "" : value;
        } else if (operator == ':' && pos < text.length() && text.charAt(pos) == '-') {
            pos++;
            String fallback = expression('}', evaluate && (value == null || value.isEmpty()));
            result = value == null || value.isEmpty() ? fallback : value;
        } else if (operator == '-') {
            String fallback = expression('}', evaluate && value == null);
            result = value == null ? fallback : value;
        } else if (operator == '?') {
            String message = expression('}', evaluate && value == null);
            if (evaluate && value == null) {
                throw error(dollar, "'" + text.substring(dollar, Math.min(pos + 1, text.length())) + "': " + name
                        + " is not set (goose stops with \"$" + name + ": "
                        + (message.isEmpty() ? "not set" : message) + "\"); set it in the environment");
            }
            result = value == null ? "" : value;
        } else if (operator == ':') {
            result = substring(value == null ? "" : value, dollar);
        } else {
            throw error(dollar, "'" + text.substring(dollar, pos) + "' is no variable goose can substitute; write"
                    + " ${NAME}, ${NAME:-default}, ${NAME-default}, ${NAME?message} or ${NAME:offset:length}");
        }
        if (pos >= text.length() || text.charAt(pos) != '}') {
            throw error(dollar, "'" + text.substring(dollar) + "' has no closing }; a ${...} must end on its line");
        }
        pos++;
        return result;
    }

    private String name(int dollar) {
        int start = pos;
        if (pos >= text.length() || !Character.isLetter(text.codePointAt(pos))) {
            throw error(dollar, "'" + text.substring(dollar, Math.min(pos + 1, text.length())) + "': after '-- +goose"
                    + " ENVSUB ON' a $ starts a variable ($NAME or ${NAME}, the name starting with a letter) and goose"
                    + " refuses anything else; write $$ for a literal $, or end the region with '-- +goose ENVSUB OFF'"
                    + " above this line");
        }
        while (pos < text.length() && isNamePart(text.codePointAt(pos))) {
            pos += Character.charCount(text.codePointAt(pos));
        }
        return text.substring(start, pos);
    }

    private String valueOf(String name) {
        String value = environment.apply(name);
        return value == null ? "" : value;
    }

    /** {@code ${NAME:offset}} and {@code ${NAME:offset:length}}, clamped to the value as goose clamps them. */
    private String substring(String value, int dollar) {
        int from = number(scanUntil(':', '}'), dollar, "offset");
        from = Math.max(0, Math.min(from < 0 ? from + value.length() : from, value.length()));
        if (pos < text.length() && text.charAt(pos) == '}') {
            return value.substring(from);
        }
        pos++;
        int length = number(scanUntil('}', '}'), dollar, "length");
        int to = length >= 0 ? from + length : Math.max(from, length + value.length());
        return value.substring(from, Math.min(to, value.length()));
    }

    private String scanUntil(char a, char b) {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) != a && text.charAt(pos) != b) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private int number(String digits, int dollar, String what) {
        try {
            return Integer.parseInt(digits.strip());
        } catch (NumberFormatException e) {
            throw error(dollar, "the " + what + " '" + digits + "' in '" + text.substring(dollar) + "' is not a whole"
                    + " number; write ${NAME:offset} or ${NAME:offset:length}");
        }
    }

    private RehearsalException error(int at, String message) {
        return new RehearsalException(ErrorCode.BAD_MIGRATION_FILE, file + ":" + line + ":" + (at + 1) + ": " + message);
    }

    private static boolean isNamePart(int c) {
        int type = Character.getType(c);
        return Character.isLetter(c) || c == '_' || type == Character.DECIMAL_DIGIT_NUMBER
                || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }
}
