package org.spoolmail.kernel.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads every class a plugins folder could load (in plugin jars and zips, in the jars of their {@code lib/}, in
 * unpacked plugin folders) before PF4J loads any, and refuses the folder when one can end the process
 * ({@link ProcessEndingCalls}). Nothing is loaded or run to find out.
 */
final class PluginCode {

    private PluginCode() {
    }

    /**
     * @param folder the plugins folder, already checked by {@link PluginFolder}
     * @return one line per class that can end the process, or per file that cannot be read; empty when none
     */
    static List<String> problems(Path folder) {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".jar") || name.endsWith(".zip")) {
                    try (InputStream in = Files.newInputStream(file)) {
                        archive(file.toString(), in, problems);
                    }
                } else if (name.endsWith(".class")) {
                    check(file.toString(), Files.readAllBytes(file), problems);
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            problems.add("cannot read plugins folder " + folder + ": " + e.getMessage());
        }
        return problems;
    }

    /** The classes of a jar or zip, and of the jars inside it (a zip plugin's lib/). */
    private static void archive(String where, InputStream in, List<String> problems) throws IOException {
        ZipInputStream zip = new ZipInputStream(in);
        ZipEntry entry;
        while ((entry = zip.getNextEntry()) != null) {
            String name = entry.getName();
            if (name.endsWith(".class")) {
                check(where + "!/" + name, zip.readAllBytes(), problems);
            } else if (name.endsWith(".jar")) {
                archive(where + "!/" + name, new java.io.ByteArrayInputStream(zip.readAllBytes()), problems);
            }
        }
    }

    private static void check(String where, byte[] classFile, List<String> problems) {
        if (where.endsWith("module-info.class")) {
            return;
        }
        try {
            Optional<String> call = ProcessEndingCalls.find(classFile);
            call.ifPresent(c -> problems.add(where + " can end the Java process (" + c + "): a plugin must never do"
                    + " that, since the run would end without sending, holding or auditing the mail; refusing to"
                    + " load plugins from this folder (remove the plugin, or have it throw an exception instead)"));
        } catch (IOException e) {
            problems.add(where + " is not a class file spoolmail can read (" + e.getMessage() + "): refusing to"
                    + " load plugins from this folder");
        }
    }
}
