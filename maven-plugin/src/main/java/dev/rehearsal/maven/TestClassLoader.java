package dev.rehearsal.maven;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The project's test class path (test classes, classes, test-scope dependencies) followed by the
 * plugin's own jars (the harness and the launcher, for projects that do not declare them), under the
 * platform class loader: the project's suites, resources and JDBC drivers are found as Surefire
 * would find them, and nothing of Maven's own class realm leaks in.
 */
final class TestClassLoader {
    private TestClassLoader() {
    }

    static URLClassLoader of(List<String> projectTestClasspath, List<File> pluginJars) {
        Set<URL> urls = new LinkedHashSet<>();
        try {
            for (String element : projectTestClasspath) {
                urls.add(new File(element).toURI().toURL());
            }
            for (File jar : pluginJars) {
                urls.add(jar.toURI().toURL());
            }
            urls.add(IsolatedLauncher.class.getProtectionDomain().getCodeSource().getLocation());
        } catch (MalformedURLException e) {
            throw new IllegalStateException("cannot build the test class path: " + e.getMessage(), e);
        }
        return new URLClassLoader("rehearsal-test", urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    /**
     * Calls {@link IsolatedLauncher#run} as loaded by {@code loader}, with it as the context class loader
     * (the launcher finds engines and {@code junit-platform.properties} through it).
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> runIsolated(URLClassLoader loader, Map<String, String> parameters, Path testClasses)
            throws ReflectiveOperationException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            Class<?> launcher = Class.forName(IsolatedLauncher.class.getName(), true, loader);
            return (Map<String, Object>) launcher.getMethod("run", Map.class, String.class)
                    .invoke(null, parameters, testClasses.toString());
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
