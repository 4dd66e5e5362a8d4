package org.spoolmail.plugins.deliver.outbox;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that no reader ever sees it half written: the octets go to a hidden temporary file in the same
 * folder ({@code .<name>.<random>.tmp}), are forced to disk, and the file is then renamed onto its final name with
 * {@code ATOMIC_MOVE}. On failure the temporary file is removed and the final name is left as it was.
 */
final class AtomicFile {

    private static final int BUFFER = 64 * 1024;

    /** What to write: called once with a buffered stream that it must not close. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    /**
     * Writes {@code target} atomically.
     *
     * @param target the final file; its folder must exist
     * @param content what to write
     * @return the number of octets written
     * @throws IOException if writing, forcing or renaming fails
     */
    static long write(Path target, Content content) throws IOException {
        Path tmp = OwnerOnly.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
        try {
            long octets = writeAndForce(tmp, content);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            return octets;
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    private static long writeAndForce(Path tmp, Content content) throws IOException {
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            CountingOutputStream out = new CountingOutputStream(
                    new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER));
            content.writeTo(out);
            out.flush();
            channel.force(true);
            return out.count();
        }
    }
}
