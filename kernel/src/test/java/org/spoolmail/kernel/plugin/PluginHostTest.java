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
    void startShouldRefuseAFileInsideAnUnpackedPluginThatOtherUsersCanWrite() throws Exception {
        Path classFile = Files.createDirectories(plugins.resolve("evil/classes/org/evil")).resolve("Exit.class");
        Files.write(classFile, new byte[] {(byte) 0xCA, (byte) 0xFE});
        Files.setPosixFilePermissions(classFile, PosixFilePermissions.fromString("rw-rw-rw-"));

        ConfigException e = assertThrows(ConfigException.class, () -> PluginHost.start(plugins));

        assertEquals(List.of(classFile + " is writable by other users: refusing to load plugins from it (chmod go-w "
                + classFile + ")"), e.problems());
    }

    @Test
    void startShouldRefuseAFolderInsideAnUnpackedPluginThatOtherUsersCanWrite() throws Exception {
        Path classes = Files.createDirectories(plugins.resolve("evil/classes"));
        Files.setPosixFilePermissions(classes, PosixFilePermissions.fromString("rwxrwxr-x"));

        ConfigException e = assertThrows(ConfigException.class, () -> PluginHost.start(plugins));

        assertEquals(List.of(classes + " is writable by other users: refusing to load plugins from it (chmod go-w "
                + classes + ")"), e.problems());
    }

    @Test
    void startShouldCheckTheTargetWhenAPluginIsASymbolicLink(@TempDir Path elsewhere) throws Exception {
        Path target = PluginJars.write(elsewhere, "broken-exit", BrokenPlugin.class);
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-rw-rw-"));
        Path link = Files.createSymbolicLink(plugins.resolve("broken-exit.jar"), target);

        ConfigException e = assertThrows(ConfigException.class, () -> PluginHost.start(plugins));

        assertEquals(List.of(link + " -> " + target + " is writable by other users: refusing to load plugins from it"
                + " (chmod go-w " + target + ")"), e.problems());
    }

    @Test
    void startShouldRefuseThePluginsFolderWhenAnAncestorIsWritableWithoutTheStickyBit() throws Exception {
        Path shared = Files.createDirectories(plugins.resolve("shared"));
        Path inner = Files.createDirectories(shared.resolve("site/plugins"));
        Files.setAttribute(shared, "unix:mode", 0777);

        ConfigException e = assertThrows(ConfigException.class, () -> PluginHost.start(inner));

        assertEquals(List.of(shared + " is writable by other users and has no sticky bit: another user could put"
                + " their own folder in place of the plugins folder " + inner + " (chmod go-w " + shared
                + ", or chmod +t " + shared + ")"), e.problems());
    }

    @Test
    void startShouldAcceptAnAncestorWritableByOthersWhenItHasTheStickyBit() throws Exception {
        Path shared = Files.createDirectories(plugins.resolve("shared"));
        Path inner = Files.createDirectories(shared.resolve("plugins"));
        Files.setAttribute(shared, "unix:mode", 01777);
        PluginJars.write(inner, "broken-exit", BrokenPlugin.class);

        try (PluginHost host = PluginHost.start(inner)) {
            assertEquals(1, host.plugins().size());
        }
    }

    @Test
    void startShouldSayTheFolderIsMissingWhenItDoesNotExist() {
        Path missing = plugins.resolve("absent");

        ConfigException e = assertThrows(ConfigException.class, () -> PluginHost.start(missing));

        assertEquals(List.of("plugins folder " + missing + " does not exist or is not a folder"), e.problems());
    }
}
