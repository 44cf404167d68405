package dev.rehearsal.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.testing.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class IsolatedDatabaseTests {

    @ParameterizedTest
    @MethodSource("dev.rehearsal.testing.TestDatabases#engines")
    void eachDatabaseIsFreshAndGoneAfterClose(String engine) throws Exception {
        Target target;
        try (IsolatedDatabase db = TestDatabases.create(engine)) {
            target = db.target();
            try (Connection c = target.connect(); Statement s = c.createStatement()) {
                s.execute("create table t (id int primary key)");
                s.execute("insert into t values (1)");
                try (ResultSet rs = s.executeQuery("select count(*) from t")) {
                    rs.next();
                    assertThat(rs.getInt(1)).isEqualTo(1);
                }
            }
        }
        if (!engine.equals("sqlite")) {
            assertThat(databaseExists(engine, target.databaseName())).isFalse();
        } else {
            assertThat(java.nio.file.Path.of(target.databaseName())).doesNotExist();
        }
    }

    private static boolean databaseExists(String engine, String name) throws Exception {
        String url = engine.equals("postgres") ? TestDatabases.POSTGRES_URL : TestDatabases.MARIADB_URL;
        String sql = engine.equals("postgres")
                ? "select count(*) from pg_database where datname = '" + name + "'"
                : "select count(*) from information_schema.schemata where schema_name = '" + name + "'";
        try (Connection c = Target.of(url).connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1) > 0;
        }
    }

    @org.junit.jupiter.api.Test
    void passwordsNeverShowInDisplayUrls() {
        Target target = Target.of("jdbc:postgresql://db:5432/app?user=ops&password=s3cret&ssl=true");
        assertThat(target.displayUrl()).doesNotContain("s3cret").contains("password=****").contains("ssl=true");
        assertThat(JdbcUrls.maskPasswords("jdbc:mysql://ops:hunter2@db/app")).isEqualTo("jdbc:mysql://ops:****@db/app");
        assertThat(target.toString()).doesNotContain("s3cret");
    }
}
