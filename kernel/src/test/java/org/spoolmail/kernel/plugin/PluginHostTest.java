package org.spoolmail.kernel.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spoolmail.exits.MailStage;
import org.spoolmail.kernel.config.ConfigException;

class PluginHostTest {

    /** A uid no account of the test machine has. */
    private static final int OTHER_UID = 12345;
    private static final long RUNNING_UID = ((Number) attribute(Path.of("/proc/self"), "unix:uid")).longValue();

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
    void startShouldLoadTheSitesOwnPluginsFolderBesideTheBuiltInOne(@TempDir Path site) throws Exception {
        PluginJars.write(plugins, "built-in-stage", QuietPlugin.class);
        PluginJars.write(site, "site-exit", QuietPlugin.class);

        try (PluginHost host = PluginHost.start(plugins, Optional.of(site))) {
            assertEquals(List.of("built-in-stage STARTED " + plugins.resolve("built-in-stage.jar"),
                    "site-exit STARTED " + site.resolve("site-exit.jar")), host.plugins().stream()
                    .map(p -> p.getPluginId() + " " + p.getPluginState() + " " + p.getPluginPath()).sorted().toList());
        }
    }

    @Test
    void startShouldRefuseAPluginIdInBothFoldersNamingBothJars(@TempDir Path site) throws Exception {
        PluginJars.write(plugins, "mime-encode", QuietPlugin.class);
        Path copied = PluginJars.write(site, "mime-encode", QuietPlugin.class);
        PluginJars.write(site, "site-exit", QuietPlugin.class);

        ConfigException e = assertThrows(ConfigException.class, () -> PluginHost.start(plugins, Optional.of(site)));

        assertEquals(List.of("plugin mime-encode is in the site plugins folder (" + copied + ") and among the built-in"
                + " plugins (" + plugins.resolve("mime-encode.jar") + "): remove it from the site folder, or give the"
                + " site's plugin an id of its own (its Plugin-Id) and name its stage in use:"), e.problems());
    }

    @Test
    void startShouldRefuseASitePluginsFolderThatOtherUsersCanWrite(@TempDir Path site) throws Exception {
        Path jar = PluginJars.write(site, "site-exit", QuietPlugin.class);
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-rw-rw-"));

        ConfigException e = assertThrows(ConfigException.class, () -> PluginHost.start(plugins, Optional.of(site)));

        assertEquals(List.of(jar + " is writable by other users: refusing to load plugins from it (chmod go-w "
                + jar + ")"), e.problems());
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
    void startShouldRefuseThePluginsFolderWhenAnotherUserOwnsIt() throws Exception {
        Path inner = Files.createDirectories(plugins.resolve("theirs"));
        PluginJars.write(inner, "broken-exit", BrokenPlugin.class);
        // As root, a file can be given to any uid without creating the user (CI runs as root too).
        assumeTrue(RUNNING_UID == 0, "chown needs root");
        Files.setAttribute(inner, "unix:uid", OTHER_UID);

        ConfigException e = assertThrows(ConfigException.class, () -> PluginHost.start(inner));

        assertEquals(List.of(inner + " belongs to another user (uid 12345), who could change the plugins loaded from "
                + inner + ": it must belong to the account running spoolmail (uid " + RUNNING_UID + ") or to root (chown it, or use"
                + " another plugins folder)"), e.problems());
    }

    @Test
    void startShouldRefuseAPluginJarThatAnotherUserOwns() throws Exception {
        Path jar = PluginJars.write(plugins, "broken-exit", BrokenPlugin.class);
        assumeTrue(RUNNING_UID == 0, "chown needs root");
        Files.setAttribute(jar, "unix:uid", OTHER_UID);

        ConfigException e = assertThrows(ConfigException.class, () -> PluginHost.start(plugins));

        assertEquals(List.of(jar + " belongs to another user (uid 12345), who could change the plugins loaded from "
                + plugins + ": it must belong to the account running spoolmail (uid " + RUNNING_UID + ") or to root (chown it, or use"
                + " another plugins folder)"), e.problems());
    }

    @Test
    void startShouldRefuseThePluginsFolderWhenAnotherUserOwnsAFolderAboveIt() throws Exception {
        Path theirs = Files.createDirectories(plugins.resolve("theirs"));
        Path inner = Files.createDirectories(theirs.resolve("site/plugins"));
        assumeTrue(RUNNING_UID == 0, "chown needs root");
        Files.setAttribute(theirs, "unix:uid", OTHER_UID);

        ConfigException e = assertThrows(ConfigException.class, () -> PluginHost.start(inner));

        assertEquals(List.of(theirs + " belongs to another user (uid 12345), who could change the plugins loaded"
                + " from " + inner + ": it must belong to the account running spoolmail (uid " + RUNNING_UID + ") or to root (chown"
                + " it, or use another plugins folder)"), e.problems());
    }

    @Test
    void startShouldSayTheFolderIsMissingWhenItDoesNotExist() {
        Path missing = plugins.resolve("absent");

        ConfigException e = assertThrows(ConfigException.class, () -> PluginHost.start(missing));

        assertEquals(List.of("plugins folder " + missing + " does not exist or is not a folder"), e.problems());
    }

    private static Object attribute(Path path, String name) {
        try {
            return Files.getAttribute(path, name);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
