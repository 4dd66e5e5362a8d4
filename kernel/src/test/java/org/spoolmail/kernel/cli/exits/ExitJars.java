package org.spoolmail.kernel.cli.exits;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Writes throw-away exit plugin jars as a site would build them: a PF4J manifest, the classes, and
 * {@code META-INF/extensions.idx} naming the extension classes, without exits-api or pf4j inside.
 */
public final class ExitJars {

    private ExitJars() {
    }

    /**
     * Writes the scripted exit plugin ({@code scripted-a}, {@code scripted-b}, {@code scripted-c}).
     *
     * @param folder the plugins folder
     * @return the jar
     * @throws IOException if it cannot be written
     */
    public static Path scripted(Path folder) throws IOException {
        return write(folder, "scripted-exits", null, List.of(ScriptedExitA.class, ScriptedExitB.class,
                ScriptedExitC.class), List.of(ScriptedExit.class));
    }

    /**
     * Writes a plugin jar.
     *
     * @param folder the plugins folder
     * @param id the plugin id
     * @param pluginClass the PF4J plugin class, or null for none
     * @param extensions the extension classes, listed in extensions.idx
     * @param helpers other classes the jar carries
     * @return the jar
     * @throws IOException if it cannot be written
     */
    public static Path write(Path folder, String id, Class<?> pluginClass, List<Class<?>> extensions,
            List<Class<?>> helpers) throws IOException {
        Manifest manifest = new Manifest();
        Attributes a = manifest.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Plugin-Id", id);
        a.putValue("Plugin-Version", "1.0.0");
        a.putValue("Plugin-Requires", ">=1.0.0");
        if (pluginClass != null) {
            a.putValue("Plugin-Class", pluginClass.getName());
        }
        List<Class<?>> classes = new ArrayList<>(extensions);
        classes.addAll(helpers);
        if (pluginClass != null) {
            classes.add(pluginClass);
        }
        Path jar = folder.resolve(id + ".jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, manifest)) {
            j.putNextEntry(new JarEntry("META-INF/extensions.idx"));
            for (Class<?> e : extensions) {
                j.write((e.getName() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            j.closeEntry();
            for (Class<?> c : classes) {
                String entry = c.getName().replace('.', '/') + ".class";
                j.putNextEntry(new JarEntry(entry));
                try (InputStream in = c.getClassLoader().getResourceAsStream(entry)) {
                    in.transferTo(j);
                }
                j.closeEntry();
            }
        }
        return jar;
    }
}
