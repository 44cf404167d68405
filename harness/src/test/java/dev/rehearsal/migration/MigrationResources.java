package dev.rehearsal.migration;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Test migration directories under {@code src/test/resources}. */
final class MigrationResources {
    private MigrationResources() {
    }

    static Path resource(String name) {
        URL url = MigrationResources.class.getResource("/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no test resource " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
