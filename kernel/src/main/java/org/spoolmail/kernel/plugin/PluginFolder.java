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
 * folder and put one of their own in its place ({@code /tmp}, mode 1777, is fine). Each of them, the folders above
 * included, must also belong to the account running spoolmail or to root: whoever owns a file or folder can
 * {@code chmod} it writable whenever they like, so the permission bits alone protect nothing against its owner.
 */
final class PluginFolder {

    private static final int GROUP_OR_OTHER_WRITE = 0022;
    private static final int STICKY = 01000;

    private PluginFolder() {
    }

    /**
     * @param folder the plugins folder
     * @param uid the numeric user ID of the account running spoolmail; empty where the OS has none (Windows)
     * @return one line per problem; empty when the folder may be used
     */
    static List<String> problems(Path folder, Optional<Long> uid) {
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            problems.add("plugins folder " + folder + " does not exist or is not a folder");
            return problems;
        }
        Owners owners = new Owners(uid, folder);
        checkAncestors(folder, problems, owners);
        try {
            Files.walkFileTree(folder, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new Inspector(problems, owners));
        } catch (IOException e) {
            problems.add("cannot read plugins folder " + folder + ": " + e.getMessage());
        }
        return problems;
    }

    /** The folders above the plugins folder, as named and as resolved through links. */
    private static void checkAncestors(Path folder, List<String> problems, Owners owners) {
        Set<Path> ancestors = new LinkedHashSet<>();
        addParents(folder.toAbsolutePath().normalize(), ancestors);
        try {
            addParents(folder.toRealPath(), ancestors);
        } catch (IOException e) {
            problems.add("cannot resolve plugins folder " + folder + ": " + e.getMessage());
        }
        for (Path ancestor : ancestors) {
            owners.check(ancestor, problems);
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
        private final Owners owners;

        Inspector(List<String> problems, Owners owners) {
            this.problems = problems;
            this.owners = owners;
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
            owners.check(path, problems);
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

    /** Who may own what the plugins come from: the running account or root (uid 0), nobody else. */
    private record Owners(Optional<Long> uid, Path folder) {

        void check(Path path, List<String> problems) {
            if (uid.isEmpty()) {
                return;
            }
            long owner;
            try {
                owner = ((Number) Files.getAttribute(path, "unix:uid")).longValue();
            } catch (UnsupportedOperationException | IllegalArgumentException e) {
                return; // not a POSIX file system: nothing to check
            } catch (IOException e) {
                problems.add("cannot read the owner of " + path + ": " + e.getMessage());
                return;
            }
            if (owner != 0 && owner != uid.get()) {
                problems.add(path + " belongs to another user (uid " + owner + "), who could change the plugins"
                        + " loaded from " + folder + ": it must belong to the account running spoolmail (uid "
                        + uid.get() + ") or to root (chown it, or use another plugins folder)");
            }
        }
    }
}
