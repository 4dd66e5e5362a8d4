package org.spoolmail.plugins.codepage.translate;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.spoolmail.exits.mail.ContentHandle;

/**
 * Collects translated octets in memory up to {@value #MEMORY_LIMIT} octets and in a temporary file past that, so
 * that large text costs no more heap than small text. Not thread-safe: one per part.
 */
final class SpillingBuffer extends OutputStream {

    /** Octets kept in memory before the content spills to a temporary file. */
    static final int MEMORY_LIMIT = 1 << 20;

    private final int memoryLimit;
    private ByteArrayOutputStream memory = new ByteArrayOutputStream();
    private OutputStream file;
    private Path path;

    SpillingBuffer() {
        this(MEMORY_LIMIT);
    }

    SpillingBuffer(int memoryLimit) {
        this.memoryLimit = memoryLimit;
    }

    @Override
    public void write(int b) throws IOException {
        target(1).write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        target(len).write(b, off, len);
    }

    /**
     * Finishes the content.
     *
     * @return a handle over what was written
     * @throws IOException if the temporary file cannot be closed or measured
     */
    ContentHandle finish() throws IOException {
        if (file != null) {
            file.close();
            return ContentHandle.ofFile(path);
        }
        return ContentHandle.ofBytes(memory.toByteArray());
    }

    /** Drops what was written, deleting the temporary file if there is one. */
    void discard() {
        try {
            if (file != null) {
                file.close();
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            path.toFile().deleteOnExit();
        }
        memory = new ByteArrayOutputStream();
        file = null;
    }

    /** @return true once the content has spilled to a temporary file */
    boolean spilled() {
        return file != null;
    }

    private OutputStream target(int more) throws IOException {
        if (file == null && memory.size() + (long) more > memoryLimit) {
            path = Files.createTempFile("spoolmail-text-", ".txt");
            path.toFile().deleteOnExit();
            file = new BufferedOutputStream(Files.newOutputStream(path), 65536);
            memory.writeTo(file);
            memory = null;
        }
        return file != null ? file : memory;
    }
}
