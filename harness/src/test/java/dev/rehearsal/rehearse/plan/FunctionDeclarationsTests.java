package dev.rehearsal.rehearse.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import dev.rehearsal.database.IsolatedDatabase;
import dev.rehearsal.database.SqliteFunctions;
import dev.rehearsal.testing.Slugify;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code functions:} in rehearsal.yaml: SQLite functions a project registers in its driver. */
class FunctionDeclarationsTests {
    @TempDir
    Path dir;

    private Declarations read(String yaml) throws IOException {
        Files.writeString(dir.resolve("rehearsal.yaml"), yaml);
        return DeclarationsReader.read(dir);
    }

    @Test
    void declaredFunctionIsRegisteredOnEveryConnectionOfTheSet() throws IOException, SQLException {
        SqliteFunctions functions = read("functions:\n  - name: slugify\n    class: " + Slugify.class.getName() + "\n")
                .sqliteFunctions();

        assertThat(functions.functions()).singleElement().satisfies(f -> {
            assertThat(f.name()).isEqualTo("slugify");
            assertThat(f.where()).isEqualTo(dir.resolve("rehearsal.yaml") + ":2:5");
        });
        try (IsolatedDatabase db = IsolatedDatabase.sqlite("functions", functions)) {
            for (int i = 0; i < 2; i++) {
                try (Connection c = db.target().connect(); Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("select slugify('Hello, World!')")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("hello-world");
                }
            }
        }
    }

    @Test
    void withoutTheDeclarationSqliteSaysNoSuchFunctionAndTheHintNamesTheOption() throws SQLException {
        try (IsolatedDatabase db = IsolatedDatabase.sqlite("functions"); Connection c = db.target().connect();
                Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeQuery("select slugify('x')")).hasMessageContaining("no such function: slugify");
        }
        assertThat(SqliteFunctions.hintFor("[SQLITE_ERROR] SQL error or missing database (no such function: slugify)"))
                .hasValueSatisfying(hint -> assertThat(hint).contains("rehearsal.yaml")
                        .contains("functions: [{name: slugify, class: com.example.YourFunction}]")
                        .contains("org.sqlite.Function"));
        assertThat(SqliteFunctions.hintFor("no such table: users")).isEmpty();
    }

    @Test
    void missingClassIsBadInputAtItsEntry() {
        assertThatThrownBy(() -> read("# app functions\nfunctions:\n  - name: slugify\n    class: com.example.Missing\n"))
                .isInstanceOfSatisfying(RehearsalException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_SUITE_FILE))
                .hasMessageStartingWith(dir.resolve("rehearsal.yaml") + ":3:5")
                .hasMessageContaining("function slugify: class com.example.Missing is not on the class path");
    }

    @Test
    void classThatIsNotAFunctionIsBadInput() {
        assertThatThrownBy(() -> read("functions:\n  - {name: slugify, class: java.lang.String}\n"))
                .isInstanceOfSatisfying(RehearsalException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_SUITE_FILE))
                .hasMessageStartingWith(dir.resolve("rehearsal.yaml") + ":2:5")
                .hasMessageContaining("class java.lang.String does not implement org.sqlite.Function");
    }

    @Test
    void entryNeedsANameAndKnowsOnlyItsKeys() {
        assertThatThrownBy(() -> read("functions:\n  - class: " + Slugify.class.getName() + "\n"))
                .hasMessageStartingWith(dir.resolve("rehearsal.yaml") + ":2:5")
                .hasMessageContaining("needs name");
        assertThatThrownBy(() -> read("functions:\n  - name: slugify\n    klass: x\n"))
                .hasMessageStartingWith(dir.resolve("rehearsal.yaml") + ":3:")
                .hasMessageContaining("unknown key 'klass' in a functions entry; use name and class");
    }
}
