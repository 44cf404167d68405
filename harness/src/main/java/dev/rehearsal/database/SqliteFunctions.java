package dev.rehearsal.database;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sqlite.Function;

/**
 * SQL functions a project registers in its own SQLite driver and its migrations call, declared by the
 * set ({@code functions:} in {@code rehearsal.yaml}) so that Rehearsal registers them on every SQLite
 * connection it opens for the set. Each connection gets its own instance: a {@link Function} keeps the
 * current call's arguments in fields, so one instance must not serve two connections.
 */
public record SqliteFunctions(List<Declared> functions) {
    private static final Pattern NO_SUCH_FUNCTION = Pattern.compile("no such function: ([A-Za-z_][A-Za-z0-9_$]*)");

    public SqliteFunctions {
        functions = List.copyOf(functions);
    }

    public static SqliteFunctions none() {
        return new SqliteFunctions(List.of());
    }

    public boolean isEmpty() {
        return functions.isEmpty();
    }

    /** Registers every declared function on {@code connection} (a SQLite connection). */
    public void registerOn(Connection connection) throws SQLException {
        for (Declared function : functions) {
            Function.create(connection, function.name(), function.newInstance());
        }
    }

    /**
     * The advice to append to a SQLite error that names an unknown function, or empty: the project may
     * register it in its driver, and the set can declare it.
     */
    public static Optional<String> hintFor(String message) {
        Matcher unknown = NO_SUCH_FUNCTION.matcher(String.valueOf(message));
        if (!unknown.find()) {
            return Optional.empty();
        }
        String name = unknown.group(1);
        return Optional.of("\nIf the project registers " + name + " in its SQLite driver, declare it in the set's"
                + " rehearsal.yaml so Rehearsal registers it too: functions: [{name: " + name
                + ", class: com.example.YourFunction}] (a class on the class path extending org.sqlite.Function,"
                + " with a public no-argument constructor).");
    }

    /**
     * One declared function: its SQL name and the class that implements it.
     *
     * @param where {@code file:line:column} of the declaration, for messages
     */
    public record Declared(String name, Class<? extends Function> implementation, String where) {

        /**
         * Loads {@code className} (a binary name, e.g. {@code com.example.Functions$Slug}) from the class path.
         *
         * @throws IllegalArgumentException saying what is wrong: missing, not a Function, not instantiable
         */
        public static Declared load(String name, String className, String where) {
            Class<?> loaded;
            try {
                loaded = Class.forName(className, false, classLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IllegalArgumentException("function " + name + ": class " + className + " is not on the"
                        + " class path; write its binary name (e.g. com.example.Functions$Slug for a nested class)"
                        + " and put its jar or classes on the class path");
            }
            if (!Function.class.isAssignableFrom(loaded) || Modifier.isAbstract(loaded.getModifiers())) {
                throw new IllegalArgumentException("function " + name + ": class " + className
                        + " does not implement org.sqlite.Function (a concrete subclass of it is needed)");
            }
            try {
                Constructor<?> constructor = loaded.getDeclaredConstructor();
                if (!Modifier.isPublic(constructor.getModifiers()) || !Modifier.isPublic(loaded.getModifiers())) {
                    throw new NoSuchMethodException();
                }
            } catch (NoSuchMethodException e) {
                throw new IllegalArgumentException("function " + name + ": class " + className
                        + " needs to be public with a public no-argument constructor");
            }
            return new Declared(name, loaded.asSubclass(Function.class), where);
        }

        private static ClassLoader classLoader() {
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            return context != null ? context : SqliteFunctions.class.getClassLoader();
        }

        Function newInstance() throws SQLException {
            try {
                return implementation.getDeclaredConstructor().newInstance();
            } catch (InvocationTargetException e) {
                throw new SQLException(where + ": function " + name + ": " + implementation.getName()
                        + " failed to construct: " + e.getCause(), e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new SQLException(where + ": function " + name + ": cannot construct "
                        + implementation.getName() + ": " + e, e);
            }
        }
    }
}
