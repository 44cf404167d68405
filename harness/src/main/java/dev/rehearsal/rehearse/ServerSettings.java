package dev.rehearsal.rehearse;

import dev.rehearsal.embedded.EmbeddedSettings;
import dev.rehearsal.rehearse.plan.TargetKind;
import java.util.Map;
import java.util.Optional;

/**
 * Where the PostgreSQL and MariaDB servers of a run are: admin URLs and passwords (read from the
 * environment by the caller, never from a command line), and how each face names the URL setting,
 * so that a message tells the user what to set ({@code rehearsal.postgres.url}, {@code --postgres-url}).
 *
 * @param urls the configured admin URL per server target; absent targets fall back to Testcontainers
 * @param passwords the password per server target, if any
 * @param urlSettings the name of the URL setting per server target
 * @param embedded where embedded servers ({@code postgres-17}, ...) keep their data and find their binaries
 */
public record ServerSettings(Map<TargetKind, String> urls, Map<TargetKind, String> passwords,
        Map<TargetKind, String> urlSettings, EmbeddedSettings embedded) {

    public ServerSettings {
        urls = Map.copyOf(urls);
        passwords = Map.copyOf(passwords);
        urlSettings = Map.copyOf(urlSettings);
    }

    /** Embedded servers keep their data in a temporary directory and find binaries in Maven's default repository. */
    public ServerSettings(Map<TargetKind, String> urls, Map<TargetKind, String> passwords,
            Map<TargetKind, String> urlSettings) {
        this(urls, passwords, urlSettings, EmbeddedSettings.defaults("-Dmaven.repo.local"));
    }

    public Optional<String> url(TargetKind kind) {
        return Optional.ofNullable(urls.get(kind));
    }

    public Optional<String> password(TargetKind kind) {
        return Optional.ofNullable(passwords.get(kind));
    }

    String urlSetting(TargetKind kind) {
        return urlSettings.getOrDefault(kind, kind.id() + " server URL");
    }
}
