package org.spoolmail.kernel.text;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Why a file operation failed, in the words a user reads ({@code permission denied}, {@code no such file}) instead of
 * a Java class name: {@code java.nio.file.AccessDeniedException: /spool/queue/pickup} tells a systems programmer less
 * than {@code /spool/queue/pickup: permission denied}, and the class name is noise in a job log.
 */
public final class IoReason {

    private IoReason() {
    }

    /**
     * @param e a failed file or stream operation
     * @return the reason alone, without the file: {@code permission denied}, {@code no such file}, the operating
     *     system's reason of a {@link FileSystemException}, else the exception's message (spoolmail's own messages
     *     name their file), else its simple class name
     */
    public static String of(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        if (e instanceof NotDirectoryException) {
            return "not a folder";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "folder not empty";
        }
        if (e instanceof FileSystemException f) {
            return f.getReason() != null ? f.getReason() : f.getFile() == null ? "file system error" : f.getFile();
        }
        return e.getMessage() != null && !e.getMessage().isBlank() ? e.getMessage() : e.getClass().getSimpleName();
    }

    /**
     * @param e a failed file or stream operation
     * @return the file it names and the reason, {@code /spool/queue/pickup: permission denied}, or the reason alone
     *     when the exception names no file
     */
    public static String withFile(IOException e) {
        String file = e instanceof FileSystemException f ? f.getFile() : null;
        String other = e instanceof FileSystemException f ? f.getOtherFile() : null;
        return file == null ? of(e) : file + (other == null ? "" : " -> " + other) + ": " + of(e);
    }
}
