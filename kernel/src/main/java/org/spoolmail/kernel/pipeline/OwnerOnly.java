package org.spoolmail.kernel.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Owner-only permissions for what holds mail content: files {@code rw-------} (0600), folders {@code rwx------}
 * (0700), set when they are created where the file system has POSIX permissions, so the umask cannot widen them
 * (it can only take bits away). Elsewhere (e.g. Windows) the file system's defaults apply.
 */
public final class OwnerOnly {

    private static final FileAttribute<?> FILE = PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rw-------"));
    private static final FileAttribute<?> FOLDER = PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rwx------"));

    private OwnerOnly() {
    }

    /**
     * Creates a folder and its missing parents, each 0700.
     *
     * @param folder the folder
     * @throws IOException if it cannot be created
     */
    public static void createFolders(Path folder) throws IOException {
        if (posix(folder)) {
            Files.createDirectories(folder, FOLDER);
        } else {
            Files.createDirectories(folder);
        }
    }

    /**
     * Creates an empty temporary file, 0600, in a folder.
     *
     * @param folder the folder
     * @param prefix the name's start
     * @param suffix the name's end
     * @return the new file
     * @throws IOException if it cannot be created
     */
    public static Path createTempFile(Path folder, String prefix, String suffix) throws IOException {
        return posix(folder) ? Files.createTempFile(folder, prefix, suffix, FILE)
                : Files.createTempFile(folder, prefix, suffix);
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
