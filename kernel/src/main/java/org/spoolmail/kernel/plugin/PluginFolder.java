package org.spoolmail.kernel.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Checks the plugins folder before anything is loaded from it: it exists, and neither it nor any plugin in it can
 * be written by other users, since a plugin runs with the kernel's authority and decides who may send as whom.
 */
final class PluginFolder {

    private PluginFolder() {
    }

    /**
     * @param folder the plugins folder
     * @return one line per problem; empty when the folder may be used
     */
    static List<String> problems(Path folder) {
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            problems.add("plugins folder " + folder + " does not exist or is not a folder");
            return problems;
        }
        checkNotWorldWritable(folder, problems);
        try (Stream<Path> entries = Files.list(folder)) {
            entries.filter(p -> p.toString().endsWith(".jar") || p.toString().endsWith(".zip"))
                    .forEach(p -> checkNotWorldWritable(p, problems));
        } catch (IOException e) {
            problems.add("cannot list plugins folder " + folder + ": " + e.getMessage());
        }
        return problems;
    }

    private static void checkNotWorldWritable(Path path, List<String> problems) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(path);
            if (perms.contains(PosixFilePermission.OTHERS_WRITE) || perms.contains(PosixFilePermission.GROUP_WRITE)) {
                problems.add(path + " is writable by other users: refusing to load plugins from it"
                        + " (chmod go-w " + path + ")");
            }
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: nothing to check
        } catch (IOException e) {
            problems.add("cannot read permissions of " + path + ": " + e.getMessage());
        }
    }
}
