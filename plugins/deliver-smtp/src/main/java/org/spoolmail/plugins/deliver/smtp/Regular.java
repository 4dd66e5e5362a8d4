package org.spoolmail.plugins.deliver.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

import org.spoolmail.exits.mail.ContentHandle;

/**
 * Reads the small files of the stage's configuration (password file, OAuth token file, trust store) only when they
 * are regular files: a FIFO named there would stall start-up, or every connection, forever.
 */
final class Regular {

    private Regular() {
    }

    /**
     * @param file the file
     * @return its octets
     * @throws IOException if it cannot be read or is not a regular file
     */
    static byte[] read(Path file) throws IOException {
        try (InputStream in = ContentHandle.openRegular(file)) {
            return in.readAllBytes();
        }
    }
}
