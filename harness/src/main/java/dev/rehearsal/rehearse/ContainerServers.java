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

    Target start(TargetKind target) {
        JdbcDatabaseContainer<?> container = target == TargetKind.POSTGRES
                ? new PostgreSQLContainer("postgres:16-alpine")
                : new MariaDBContainer("mariadb:11").withUsername("root").withPassword("rehearsal");
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
