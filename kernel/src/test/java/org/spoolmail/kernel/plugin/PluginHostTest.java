package org.spoolmail.kernel.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spoolmail.exits.MailStage;
import org.spoolmail.kernel.config.ConfigException;

class PluginHostTest {

    @TempDir
    Path plugins;

    @Test
    void failuresShouldCarryThePluginsOwnErrorWhenItFailsToStart() throws Exception {
        PluginJars.write(plugins, "broken-exit", BrokenPlugin.class);

        try (PluginHost host = PluginHost.start(plugins)) {
            assertEquals(List.of("plugin broken-exit 1.0.0 is FAILED: java.lang.IllegalStateException: cannot open"
                    + " the site directory"), host.failures());
            assertEquals(List.of(), host.all(MailStage.class));
        }
    }

    @Test
    void startShouldRefuseAFolderThatOtherUsersCanWrite() throws Exception {
        Files.setPosixFilePermissions(plugins, PosixFilePermissions.fromString("rwxrwxrwx"));

        ConfigException e = assertThrows(ConfigException.class, () -> PluginHost.start(plugins));

        assertEquals(List.of(plugins + " is writable by other users: refusing to load plugins from it (chmod go-w "
                + plugins + ")"), e.problems());
    }

    @Test
    void startShouldRefuseAPluginJarThatOtherUsersCanWrite() throws Exception {
        Path jar = PluginJars.write(plugins, "broken-exit", BrokenPlugin.class);
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-rw-r--"));

        ConfigException e = assertThrows(ConfigException.class, () -> PluginHost.start(plugins));

        assertEquals(List.of(jar + " is writable by other users: refusing to load plugins from it (chmod go-w "
                + jar + ")"), e.problems());
    }

    @Test
    void startShouldSayTheFolderIsMissingWhenItDoesNotExist() {
        Path missing = plugins.resolve("absent");

        ConfigException e = assertThrows(ConfigException.class, () -> PluginHost.start(missing));

        assertEquals(List.of("plugins folder " + missing + " does not exist or is not a folder"), e.problems());
    }
}
