package dev.rehearsal.snapshot.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.database.IsolatedDatabase;
import dev.rehearsal.snapshot.diff.Diff;
import dev.rehearsal.testing.TestDatabases;
import java.sql.Connection;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SchemaDifferTests {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.rehearsal.snapshot.schema.SchemaChangeScenarios#all")
    void eachChangeIsReportedWithItsOwnLine(SchemaChangeScenarios.Scenario scenario) throws Exception {
        try (IsolatedDatabase db = TestDatabases.create(scenario.engine()); Connection c = db.target().connect()) {
            SchemaFixtures.execute(c, SchemaFixtures.base(scenario.engine()));
            SchemaSnapshot before = SchemaFixtures.snapshot(db, c);
            SchemaFixtures.execute(c, scenario.changes());
            SchemaSnapshot after = SchemaFixtures.snapshot(db, c);

            Diff diff = SchemaDiffer.compare(before, after, "before up", "after rollback");

            assertThat(diff.render()).isEqualTo(String.join("\n", scenario.expected()));
        }
    }
}
