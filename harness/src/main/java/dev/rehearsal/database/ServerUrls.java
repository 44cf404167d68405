package dev.rehearsal.database;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and swaps the database part of server JDBC URLs ({@code jdbc:x://host:port/db?params}). */
final class ServerUrls {
    private static final Pattern SERVER_URL = Pattern.compile("^(jdbc:[a-z]+://[^/?]*)(/([^?;]*))?(.*)$");

    private ServerUrls() {
    }

    static String replaceDatabase(String url, String database) {
        Matcher m = SERVER_URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a server URL: " + JdbcUrls.maskPasswords(url));
        }
        return m.group(1) + "/" + database + m.group(4);
    }

    static String databaseName(String url) {
        if (url.startsWith("jdbc:sqlite:")) {
            String path = url.substring("jdbc:sqlite:".length());
            int query = path.indexOf('?');
            return query < 0 ? path : path.substring(0, query);
        }
        Matcher m = SERVER_URL.matcher(url);
        return m.matches() && m.group(3) != null ? m.group(3) : "";
    }
}
