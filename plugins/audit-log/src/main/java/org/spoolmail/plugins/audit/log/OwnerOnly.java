package org.spoolmail.plugins.audit.log;

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
final class OwnerOnly {

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
    static void createFolders(Path folder) throws IOException {
        if (posix(folder)) {
            Files.createDirectories(folder, FOLDER);
        } else {
            Files.createDirectories(folder);
        }
    }

    /**
     * The attributes that make a new file 0600 on this file system.
     *
     * @param file the file to be created
     * @return {@code rw-------} where the file system has POSIX permissions, else none
     */
    static FileAttribute<?>[] file(Path file) {
        return posix(file) ? new FileAttribute<?>[] {FILE} : new FileAttribute<?>[0];
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
