package org.spoolmail.exits.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.JarPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * The packaging IT every plugin module extends: the built jar, copied alone into a plugins folder, loads with a real
 * PF4J manager, starts, and offers exactly one extension of the expected point from its own class loader, without
 * bundling pf4j or exits-api. Failsafe passes {@code plugin.jar} and {@code plugin.id} as system properties.
 */
public abstract class PluginPackagingContract {

    /** @return the extension point the plugin implements, e.g. {@code MailStage.class} */
    protected abstract Class<?> extensionPoint();

    /** @return the number of extensions of that point the plugin offers; 1 unless overridden */
    protected int expectedExtensions() {
        return 1;
    }

    @Test
    void pluginShouldStartAndOfferItsExtensionWhenLoadedFromItsJar(@TempDir Path plugins) throws IOException {
        Path jar = Path.of(System.getProperty("plugin.jar"));
        String id = System.getProperty("plugin.id");
        Files.copy(jar, plugins.resolve(jar.getFileName()));
        PluginManager manager = new JarPluginManager(plugins);
        manager.setSystemVersion("1.0.0");
        try {
            manager.loadPlugins();
            manager.startPlugins();
            PluginWrapper plugin = manager.getPlugin(id);
            assertEquals(PluginState.STARTED, plugin.getPluginState(), "plugin " + id + " did not start");
            List<?> extensions = manager.getExtensions(extensionPoint(), id);
            assertEquals(expectedExtensions(), extensions.size(), "extensions of " + extensionPoint().getSimpleName());
            for (Object extension : extensions) {
                assertSame(plugin.getPluginClassLoader(), extension.getClass().getClassLoader());
            }
        } finally {
            // Not stopPlugins(): pf4j 3.15.0 throws ConcurrentModificationException there (pf4j/pf4j#656).
            manager.unloadPlugin(id);
        }
    }

    @Test
    void jarShouldNotBundleTheHostApiWhenPackaged() throws IOException {
        try (JarFile jar = new JarFile(System.getProperty("plugin.jar"))) {
            assertFalse(jar.stream().anyMatch(e -> e.getName().startsWith("org/spoolmail/exits/")
                    || e.getName().startsWith("org/pf4j/") || e.getName().startsWith("org/slf4j/")),
                    "the plugin jar bundles pf4j, slf4j or exits-api classes");
            assertFalse(jar.getEntry("META-INF/extensions.idx") == null, "META-INF/extensions.idx is missing");
        }
    }
}
