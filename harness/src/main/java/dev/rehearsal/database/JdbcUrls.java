package dev.rehearsal.database;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps passwords out of everything Rehearsal prints, in two layers. Any text loses its
 * password-shaped parts ({@code password=...}, {@code user:password@}). Text derived from a known URL
 * (a driver's message) also loses every occurrence of that URL's passwords, as written and as
 * decoded: drivers quote them out of shape ("Incorrect port value : hunter2@127.0.0.1").
 */
public final class JdbcUrls {
    private static final String MASK = "****";
    /** Shorter passwords are masked by shape only: replacing every "ab" would garble the message. */
    private static final int SHORTEST_LITERAL = 3;
    // Any parameter whose name mentions a password: password, sslpassword, trustStorePassword, pwd...
    private static final String PASSWORD_NAME = "\\b[\\w.-]*(?:password|passwd|pwd)[\\w.-]*=";
    private static final Pattern PASSWORD_NAME_PATTERN = Pattern.compile(PASSWORD_NAME, Pattern.CASE_INSENSITIVE);
    // In free text a value ends at '&' or whitespace, less the punctuation of the sentence it sits in
    // ("...password=x: FATAL"); in a URL (below) it ends only at '&'.
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile(
            "(" + PASSWORD_NAME + ")[^&\\s]*?(?=[:,;.)'\"\\]]*(?:[&\\s]|$))", Pattern.CASE_INSENSITIVE);
    /** Where the query or property list starts: nothing after it is user info. */
    private static final String PARAMETER_START = "[?&;][\\w.-]+=";
    private static final Pattern PARAMETER_START_PATTERN = Pattern.compile(PARAMETER_START);
    // user:password@ after //; the password may hold '/', '@', '?': it runs to the last '@' before whitespace
    // or a parameter.
    private static final Pattern USER_INFO =
            Pattern.compile("(//[^/:@\\s]*:)((?:(?!" + PARAMETER_START + ")\\S)*)(@)");

    private JdbcUrls() {
    }

    /** Replaces every password-looking part of {@code text} with {@code ****}; null stays null. */
    public static String maskPasswords(String text) {
        return maskPasswords(text, null, null);
    }

    /**
     * Masks {@code text} by shape and, in addition, every occurrence of the passwords of {@code url} and
     * of {@code password}, for a text that came from connecting to that URL with that password.
     *
     * @param url the URL the text came from; null when unknown
     * @param password the password passed beside the URL; null when none
     * @return null for null
     */
    public static String maskPasswords(String text, String url, String password) {
        if (text == null) {
            return null;
        }
        String masked = text;
        for (String secret : secrets(url, password)) {
            masked = masked.replace(secret, MASK);
        }
        masked = PASSWORD_PARAMETER.matcher(masked).replaceAll("$1" + MASK);
        return USER_INFO.matcher(masked).replaceAll("$1" + MASK + "$3");
    }

    /** The literal passwords to look for, longest first so that none is left half masked by a shorter one. */
    static List<String> secrets(String url, String password) {
        Set<String> found = new LinkedHashSet<>();
        if (url != null) {
            addVariants(found, userInfoPassword(url));
            Matcher name = PASSWORD_NAME_PATTERN.matcher(url);
            while (name.find()) {
                int end = url.indexOf('&', name.end());
                addVariants(found, url.substring(name.end(), end < 0 ? url.length() : end));
            }
        }
        addVariants(found, password);
        List<String> longestFirst = new ArrayList<>(found);
        longestFirst.sort(Comparator.comparingInt(String::length).reversed());
        return longestFirst;
    }

    /** Index of the '@' that ends the user info of {@code url}, or -1 when it has none. */
    static int userInfoEnd(String url) {
        int slashes = url.indexOf("//");
        if (slashes < 0) {
            return -1;
        }
        Matcher parameters = PARAMETER_START_PATTERN.matcher(url);
        int limit = parameters.find(slashes) ? parameters.start() : url.length();
        int at = url.lastIndexOf('@', limit - 1);
        return at > slashes ? at : -1;
    }

    private static String userInfoPassword(String url) {
        int end = userInfoEnd(url);
        if (end < 0) {
            return null;
        }
        int userStart = url.indexOf("//") + 2;
        int colon = url.indexOf(':', userStart);
        if (colon < 0 || colon > end || url.substring(userStart, colon).contains("/")) {
            return null;
        }
        return url.substring(colon + 1, end);
    }

    /** The secret as written, as a form decoder reads it ('+' is a space) and with only %XX decoded. */
    private static void addVariants(Set<String> found, String secret) {
        if (secret == null || secret.length() < SHORTEST_LITERAL) {
            return;
        }
        found.add(secret);
        for (String encoded : List.of(secret, secret.replace("+", "%2B"))) {
            try {
                String decoded = URLDecoder.decode(encoded, StandardCharsets.UTF_8);
                if (decoded.length() >= SHORTEST_LITERAL) {
                    found.add(decoded);
                }
            } catch (IllegalArgumentException malformed) {
                // a stray '%': the driver cannot decode it either, so only the written form can show up
            }
        }
    }
}
