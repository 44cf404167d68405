package dev.rehearsal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** A function the down forgets is a rollback that did not restore the schema, not a READY set. */
class RehearsalEngineRoutineTests {
    @TempDir
    Path reports;

    @Test
    void aTriggerFunctionLeftBehindByTheDownFailsRollbackRestoresSchema() throws IOException {
        Path set = Files.createDirectories(reports.resolve("set"));
        write(set.resolve("20240101000000_posts.sql"),
                "CREATE TABLE posts (id INTEGER PRIMARY KEY, title VARCHAR(100) NOT NULL, updated_at TIMESTAMP);",
                "DROP TABLE posts;");
        write(set.resolve("20240102000000_touch.sql"),
                "CREATE OR REPLACE FUNCTION set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN"
                        + " NEW.updated_at := now(); RETURN NEW; END;$$;\n"
                        + "CREATE TRIGGER trg_posts_touch BEFORE UPDATE ON posts FOR EACH ROW EXECUTE FUNCTION set_updated_at();",
                "DROP TRIGGER trg_posts_touch ON posts;");

        EngineExecutionResults results = EngineRuns.run(reports, EngineRuns.on("postgres"), selectDirectory(set.toFile()));

        // The rollback step fails, the redo is skipped (no state before up to redo from), and the full chain
        // down to nothing finds the function too.
        results.testEvents().assertStatistics(s -> s.started(9).succeeded(7).failed(2).skipped(1).aborted(0));
        assertThat(EngineRuns.failures(results)).containsExactly(
                "V20240102000000 touch: rollback restores schema (postgres) -> rollback of V20240102000000 touch did not"
                        + " restore the schema:\nfunction set_updated_at(): not there before up, present after rollback",
                "full chain (postgres) -> the full chain up and down did not return to the baseline:\nfunction"
                        + " set_updated_at(): not there on the empty database, present after the full rollback");
    }

    private static void write(Path file, String up, String down) throws IOException {
        Files.writeString(file, "-- +migrate Up\n" + up + "\n\n-- +migrate Down\n" + down + "\n", StandardCharsets.UTF_8);
    }
}
