package dev.rehearsal.backup;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.Target;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Host, port, database and credentials of a server target, as the command-line clients need them.
 * The password goes into the client's environment, never onto its command line.
 */
record ServerAddress(String host, int port, String database, String user, String password) {
    private static final Pattern URL = Pattern.compile("^jdbc:[a-z]+://([^/?;]*)(?:/([^?;]*))?(?:[?;](.*))?$");

    static ServerAddress of(Target target, int defaultPort) {
        Matcher m = URL.matcher(target.url());
        if (!m.matches()) {
            throw new RehearsalException(ErrorCode.BAD_USAGE, "cannot read host and database from "
                    + target.displayUrl() + ": use jdbc:" + target.dialect().name() + "://host:port/database");
        }
        String authority = m.group(1);
        if (authority.contains(",")) {
            throw new RehearsalException(ErrorCode.BAD_USAGE, "backups need a single host, not " + target.displayUrl());
        }
        Map<String, String> parameters = parameters(m.group(3));
        String hostPort = authority.contains("@") ? authority.substring(authority.lastIndexOf('@') + 1) : authority;
        String host = hostPort.isEmpty() ? "localhost" : hostPort;
        int port = defaultPort;
        int colon = hostPort.lastIndexOf(':');
        if (colon > 0 && !hostPort.endsWith("]")) {
            host = hostPort.substring(0, colon);
            port = Integer.parseInt(hostPort.substring(colon + 1));
        }
        String user = target.user() != null ? target.user() : parameters.get("user");
        String password = target.password() != null ? target.password() : parameters.get("password");
        String database = m.group(2) == null ? "" : m.group(2);
        return new ServerAddress(host, port, database, user, password);
    }

    private static Map<String, String> parameters(String query) {
        Map<String, String> parameters = new HashMap<>();
        if (query == null) {
            return parameters;
        }
        for (String pair : query.split("[&;]")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                parameters.put(pair.substring(0, equals).toLowerCase(),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    /** Masks the password in {@link #toString()}, which may end up in a message. */
    @Override
    public String toString() {
        return (user == null ? "" : user + "@") + host + ":" + port + "/" + database;
    }
}
