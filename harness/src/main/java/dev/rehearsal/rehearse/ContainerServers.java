package dev.rehearsal.rehearse;

import dev.rehearsal.database.Target;
import dev.rehearsal.rehearse.plan.TargetKind;
import java.util.ArrayList;
import java.util.List;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Throw-away PostgreSQL / MariaDB servers from Testcontainers (an optional dependency: this class is
 * only loaded once a Docker engine looks reachable), stopped at the end of the engine run.
 */
final class ContainerServers implements AutoCloseable {
    private final List<JdbcDatabaseContainer<?>> started = new ArrayList<>();

    /** The image a target's container runs. */
    static String image(TargetKind target) {
        return target == TargetKind.POSTGRES ? "postgres:16-alpine" : "mariadb:11";
    }

    Target start(TargetKind target) {
        JdbcDatabaseContainer<?> container = target == TargetKind.POSTGRES
                ? new PostgreSQLContainer(image(target))
                : new MariaDBContainer(image(target)).withUsername("root").withPassword("rehearsal");
        container.start();
        started.add(container);
        return Target.of(container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }

    @Override
    public void close() {
        started.forEach(JdbcDatabaseContainer::stop);
        started.clear();
    }
}
