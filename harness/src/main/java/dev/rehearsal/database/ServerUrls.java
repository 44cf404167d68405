package dev.rehearsal.database;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and swaps the database part of server JDBC URLs ({@code jdbc:x://user:pw@host:port/db?params}). */
final class ServerUrls {
    private static final Pattern SCHEME = Pattern.compile("^jdbc:[a-z]+://");
    // What follows the user info: hosts, then /database, then parameters. The user info is cut off first,
    // since a password may hold '/' or '?'.
    private static final Pattern HOSTS_DATABASE_PARAMETERS = Pattern.compile("^([^/?]*)(/([^?;]*))?(.*)$");

    private ServerUrls() {
    }

    static String replaceDatabase(String url, String database) {
        Parts parts = Parts.of(url);
        if (parts == null) {
            throw new IllegalArgumentException("not a server URL: " + JdbcUrls.maskPasswords(url, url, null));
        }
        return parts.server() + "/" + database + parts.parameters();
    }

    static String databaseName(String url) {
        if (url.startsWith("jdbc:sqlite:")) {
            String path = url.substring("jdbc:sqlite:".length());
            int query = path.indexOf('?');
            return query < 0 ? path : path.substring(0, query);
        }
        Parts parts = Parts.of(url);
        return parts == null ? "" : parts.database();
    }

    /** @param server scheme, user info and hosts; {@code database} empty when the URL names none */
    private record Parts(String server, String database, String parameters) {
        static Parts of(String url) {
            Matcher scheme = SCHEME.matcher(url);
            if (!scheme.find()) {
                return null;
            }
            int hosts = Math.max(scheme.end(), JdbcUrls.userInfoEnd(url) + 1);
            Matcher m = HOSTS_DATABASE_PARAMETERS.matcher(url.substring(hosts));
            if (!m.matches()) {
                return null;
            }
            return new Parts(url.substring(0, hosts) + m.group(1), m.group(3) == null ? "" : m.group(3), m.group(4));
        }
    }
}
