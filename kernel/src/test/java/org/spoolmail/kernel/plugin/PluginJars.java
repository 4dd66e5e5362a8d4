package org.spoolmail.kernel.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Builds throw-away PF4J plugin jars (manifest + class bytes) in a test folder, as PF4J's own PluginJar does. */
final class PluginJars {

    private PluginJars() {
    }

    static Path write(Path folder, String id, Class<?> pluginClass) throws IOException {
        Manifest manifest = new Manifest();
        Attributes a = manifest.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Plugin-Id", id);
        a.putValue("Plugin-Version", "1.0.0");
        a.putValue("Plugin-Class", pluginClass.getName());
        a.putValue("Plugin-Requires", ">=1.0.0");
        Path jar = folder.resolve(id + ".jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, manifest)) {
            String entry = pluginClass.getName().replace('.', '/') + ".class";
            j.putNextEntry(new JarEntry(entry));
            try (InputStream in = pluginClass.getClassLoader().getResourceAsStream(entry)) {
                in.transferTo(j);
            }
            j.closeEntry();
        }
        return jar;
    }
}
