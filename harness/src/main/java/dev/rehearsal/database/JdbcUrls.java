package dev.rehearsal.database;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Keeps passwords out of everything Rehearsal prints. */
public final class JdbcUrls {
    // password=..., pwd=... in query strings and property lists; user:password@ in authorities.
    private static final Pattern PASSWORD_PARAMETER =
            Pattern.compile("(?i)((?:password|pwd|passwd|sslpassword)=)([^&;\\s)\"']*)");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@\\s]+:)([^@/\\s]+)(@)");

    private JdbcUrls() {
    }

    /** Replaces every password-looking part of {@code text} with {@code ****}; null stays null. */
    public static String maskPasswords(String text) {
        if (text == null) {
            return null;
        }
        String masked = PASSWORD_PARAMETER.matcher(text).replaceAll("$1****");
        Matcher userInfo = USER_INFO.matcher(masked);
        return userInfo.replaceAll("$1****$3");
    }
}
