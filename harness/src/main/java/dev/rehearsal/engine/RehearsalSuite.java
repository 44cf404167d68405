package dev.rehearsal.engine;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class as a rehearsal of one migration set: the Rehearsal engine (id {@code rehearsal})
 * claims the class and rehearses every migration of the set on each enabled target. The class needs
 * no body.
 *
 * <p>Paths are relative to the project root: the {@code rehearsal.project-root} configuration
 * parameter when set, else the nearest directory, walking up from the working directory, in which
 * the path exists (Surefire runs a module with the module directory as working directory).
 *
 * <pre>{@code
 * @RehearsalSuite(migrations = "migrations/media", fixtures = "fixtures/media")
 * class MediaRehearsal {
 * }
 * }</pre>
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RehearsalSuite {

    /** The migrations directory. */
    String migrations();

    /** The fixtures directory; empty for none. */
    String fixtures() default "";

    /** The directory of verification suites (YAML); empty for none. */
    String verification() default "";

    /**
     * The targets this set may run on. The engine runs the intersection with the
     * {@value Constants#TARGETS} configuration parameter (default sqlite only); an engine allows each of
     * its versioned embedded targets ({@code POSTGRES} allows {@code postgres-13}).
     */
    Target[] targets() default {Target.SQLITE, Target.POSTGRES, Target.MARIADB};

    /** The database engines a rehearsal can target. */
    enum Target {
        SQLITE("sqlite"), POSTGRES("postgres"), MARIADB("mariadb");

        private final String id;

        Target(String id) {
            this.id = id;
        }

        /** The name used in configuration and unique ids: {@code sqlite}, {@code postgres}, {@code mariadb}. */
        public String id() {
            return id;
        }
    }
}
