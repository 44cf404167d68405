package dev.rehearsal.engine.discovery;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.platform.commons.util.ClassLoaderUtils;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.ClasspathResourceSelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * A migration set on the class path ({@code @SelectClasspathResource("engine/good")}): turned into a
 * directory or file selector when the resource lives in a directory (not inside a jar).
 */
final class ClasspathResourceResolver implements SelectorResolver {

    @Override
    public Resolution resolve(ClasspathResourceSelector selector, Context context) {
        String name = selector.getClasspathResourceName().replaceFirst("^/", "");
        Set<DiscoverySelector> selectors = new LinkedHashSet<>();
        try {
            for (URL url : Collections.list(ClassLoaderUtils.getDefaultClassLoader().getResources(name))) {
                if (!"file".equals(url.getProtocol())) {
                    continue;
                }
                Path path = Path.of(url.toURI());
                selectors.add(Files.isDirectory(path) ? DiscoverySelectors.selectDirectory(path.toFile())
                        : DiscoverySelectors.selectFile(path.toFile()));
            }
        } catch (IOException | URISyntaxException e) {
            return Resolution.unresolved();
        }
        return selectors.isEmpty() ? Resolution.unresolved() : Resolution.selectors(selectors);
    }
}
