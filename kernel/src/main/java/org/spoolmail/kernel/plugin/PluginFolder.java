package org.spoolmail.kernel.plugin;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the plugins folder before anything is loaded from it, since a plugin runs with the kernel's authority and
 * decides who may send as whom: the folder exists; nothing inside it (plugin jars, unpacked plugin folders and every
 * file in them; the target of a symbolic link) can be written by the group or other users; and no folder above it,
 * up to {@code /}, is writable by others without the sticky bit, since another user could then rename the plugins
 * folder and put one of their own in its place ({@code /tmp}, mode 1777, is fine).
 */
final class PluginFolder {

    private static final int GROUP_OR_OTHER_WRITE = 0022;
    private static final int STICKY = 01000;

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
        checkAncestors(folder, problems);
        try {
            Files.walkFileTree(folder, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new Inspector(problems));
        } catch (IOException e) {
            problems.add("cannot read plugins folder " + folder + ": " + e.getMessage());
        }
        return problems;
    }

    /** The folders above the plugins folder, as named and as resolved through links. */
    private static void checkAncestors(Path folder, List<String> problems) {
        Set<Path> ancestors = new LinkedHashSet<>();
        addParents(folder.toAbsolutePath().normalize(), ancestors);
        try {
            addParents(folder.toRealPath(), ancestors);
        } catch (IOException e) {
            problems.add("cannot resolve plugins folder " + folder + ": " + e.getMessage());
        }
        for (Path ancestor : ancestors) {
            mode(ancestor, problems).filter(m -> (m & GROUP_OR_OTHER_WRITE) != 0 && (m & STICKY) == 0)
                    .ifPresent(m -> problems.add(ancestor + " is writable by other users and has no sticky bit:"
                            + " another user could put their own folder in place of the plugins folder " + folder
                            + " (chmod go-w " + ancestor + ", or chmod +t " + ancestor + ")"));
        }
    }

    private static void addParents(Path path, Set<Path> ancestors) {
        for (Path p = path.getParent(); p != null; p = p.getParent()) {
            ancestors.add(p);
        }
    }

    /** The permission bits (with the sticky bit) of a path, following links; empty where there are none. */
    private static Optional<Integer> mode(Path path, List<String> problems) {
        try {
            return Optional.of((Integer) Files.getAttribute(path, "unix:mode"));
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return Optional.empty(); // not a POSIX file system: nothing to check
        } catch (IOException e) {
            problems.add("cannot read permissions of " + path + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Visits everything inside the plugins folder, the folder itself included, following links to their targets. */
    private static final class Inspector extends SimpleFileVisitor<Path> {
        private final List<String> problems;

        Inspector(List<String> problems) {
            this.problems = problems;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            check(dir);
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            check(file);
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            problems.add(e instanceof FileSystemLoopException ? file + " is a link that loops back into the plugins"
                    + " folder: refusing to load plugins from it" : "cannot read " + file + ": " + e.getMessage());
            return FileVisitResult.CONTINUE;
        }

        private void check(Path path) {
            Optional<Integer> mode = mode(path, problems);
            if (mode.isEmpty() || (mode.get() & GROUP_OR_OTHER_WRITE) == 0) {
                return;
            }
            Path target = path;
            String shown = path.toString();
            if (Files.isSymbolicLink(path)) {
                try {
                    target = path.toRealPath();
                    shown = path + " -> " + target;
                } catch (IOException e) {
                    shown = path + " (a link)";
                }
            }
            problems.add(shown + " is writable by other users: refusing to load plugins from it (chmod go-w "
                    + target + ")");
        }
    }
}
