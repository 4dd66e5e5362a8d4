package org.spoolmail.exits.mail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the files an input names come from: the files a control-statement deck's ATTACH, TEXTFILE and HTMLFILE
 * statements name. A parser never opens such a path itself; it asks the input's {@code InputFiles}, so that whoever
 * hands over the input decides with whose rights, and from where, the files are read:
 * <ul>
 *   <li>{@code spoolmail send} and the embedding API read the submitter's own files ({@link #beside(String)}), with
 *       the rights of the process that runs them;</li>
 *   <li>{@code spoolmail submit} reads them the same way, as the submitter, and carries their octets inside the
 *       spool item;</li>
 *   <li>the spool server, which runs as a service account, gives parsers only the octets an item carries: it never
 *       opens a path an item names, so a deck cannot make it read a file its submitter could not
 *       ({@code TEXTFILE /etc/shadow}).</li>
 * </ul>
 *
 * <p>Each file is opened once, when the input is parsed: the handle returned reads that opened file (or those
 * carried octets) for as long as it lives, whatever the name denotes later. Implementations are thread-safe.
 *
 * @since 1.0.0
 */
public interface InputFiles {

    /**
     * A file an input named, opened.
     *
     * @param path the path as it was resolved (absolute where it came from a file system), for messages and as the
     *     default attachment file name; never opened again by name
     * @param content the file's octets, opened once
     * @since 1.0.0
     */
    record Opened(String path, ContentHandle content) {

        /**
         * Checks the components.
         *
         * @param path the path as it was resolved
         * @param content the file's octets
         * @throws NullPointerException if a component is null
         */
        public Opened {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(content, "content");
        }

        /** @return the last name of the path, e.g. {@code report.pdf} for {@code /u/batch/report.pdf} */
        public String fileName() {
            int slash = path.lastIndexOf('/');
            return slash < 0 ? path : path.substring(slash + 1);
        }
    }

    /**
     * Opens a file the input names.
     *
     * @param written the path as the input writes it (symbols already substituted), relative or absolute
     * @return the opened file
     * @throws IOException if there is no such file, it is a folder or not a regular file (a FIFO, device or socket,
     *     whose reads could wait forever), it cannot be read, or this source offers no such file (a spool item that
     *     does not carry it); the message starts with {@code file <path>} and says why, for the job author
     */
    Opened open(String written) throws IOException;

    /**
     * The submitter's own files, as {@code send} reads them: relative paths resolve against the folder of the input
     * file named by {@code origin}, or the working folder when {@code origin} is {@code stdin} (or names no
     * folder).
     *
     * @param origin the input's origin: a file path or {@code stdin}
     * @return the file system source
     * @since 1.0.0
     */
    static InputFiles beside(String origin) {
        Path folder = Path.of("").toAbsolutePath();
        if (!origin.equals("stdin")) {
            try {
                Path parent = Path.of(origin).toAbsolutePath().getParent();
                folder = parent == null ? folder : parent;
            } catch (java.nio.file.InvalidPathException e) {
                // an origin that is no path (java-api, a description): the working folder
            }
        }
        return in(folder);
    }

    /**
     * The files of the local file system, read with the rights of this process; relative paths resolve against
     * {@code folder}. A file is checked to be a regular file and opened once ({@link ContentHandle#ofFile(Path)});
     * one that reports 0 octets but holds data (Linux {@code /proc} files) is refused rather than read as empty.
     *
     * @param folder the folder relative paths resolve against
     * @return the file system source
     * @since 1.0.0
     */
    static InputFiles in(Path folder) {
        Path base = folder.toAbsolutePath();
        return written -> {
            Path path = base.resolve(written).toAbsolutePath().normalize();
            if (!Files.isRegularFile(path)) {
                throw new IOException("file " + path + " does not exist or is not a file");
            }
            if (!Files.isReadable(path)) {
                throw new IOException("file " + path + " cannot be read (permission denied)");
            }
            ContentHandle content;
            try {
                content = ContentHandle.ofFile(path);
            } catch (IOException e) {
                throw new IOException("file " + path + " cannot be read: " + e.getMessage(), e);
            }
            if (content.sizeOctets() == 0) {
                try (InputStream in = ContentHandle.openRegular(path)) {
                    if (in.read() >= 0) {
                        throw new IOException("file " + path + " reports a size of 0 octets but holds data (a"
                                + " generated file such as /proc/...): copy it to a regular file and attach the copy");
                    }
                }
            }
            return new Opened(path.toString(), content);
        };
    }

    /**
     * No files at all: every {@link #open(String)} fails with {@code file <written> <why>}. For inputs whose files
     * must not be read from any file system.
     *
     * @param why why there are none, read after the path, e.g. {@code is not carried in this spool item}
     * @return the empty source
     * @since 1.0.0
     */
    static InputFiles none(String why) {
        Objects.requireNonNull(why, "why");
        return written -> {
            throw new IOException("file " + written + " " + why);
        };
    }
}
