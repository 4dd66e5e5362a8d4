package org.spoolmail.exits.mail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Content that is read as a stream, any number of times: a file, a byte range of a file, or bytes in memory.
 * Bodies and attachments are held this way so that a 1 GiB attachment costs no more heap than a 1 KiB one.
 *
 * <p>Implementations are immutable and thread-safe: every {@link #open()} returns a new, independent stream
 * positioned at the first octet.
 *
 * @since 1.0.0
 */
public interface ContentHandle {

    /**
     * Opens a new stream over the content. The caller closes it.
     *
     * @return a stream positioned at the first octet
     * @throws IOException if the underlying file cannot be opened
     */
    InputStream open() throws IOException;

    /**
     * Returns the content's length.
     *
     * @return the length in octets
     */
    long sizeOctets();

    /**
     * Reads the whole content into memory. For small content (tests, header-sized values) only.
     *
     * @return a new array with the content
     * @throws IOException if reading fails
     */
    default byte[] readAllBytes() throws IOException {
        try (InputStream in = open()) {
            return in.readAllBytes();
        }
    }

    /**
     * Wraps bytes; the array is copied.
     *
     * @param bytes the content
     * @return a handle over a copy of {@code bytes}
     */
    static ContentHandle ofBytes(byte[] bytes) {
        byte[] copy = bytes.clone();
        return new ContentHandle() {
            @Override
            public InputStream open() {
                return new ByteArrayInputStream(copy);
            }

            @Override
            public long sizeOctets() {
                return copy.length;
            }

            @Override
            public String toString() {
                return "bytes[" + copy.length + "]";
            }
        };
    }

    /**
     * Refers to a whole file. The size is read now; the file must not change while the handle is in use.
     *
     * @param file the file
     * @return a handle over the file
     * @throws IOException if the file's size cannot be read (e.g. it does not exist)
     */
    static ContentHandle ofFile(Path file) throws IOException {
        return ofRange(file, 0, Files.size(file));
    }

    /**
     * Refers to a byte range of a file, such as one part of a spool file.
     *
     * @param file the file
     * @param offset the first octet, 0-based
     * @param length the number of octets
     * @return a handle over the range
     * @throws IllegalArgumentException if offset or length is negative
     */
    static ContentHandle ofRange(Path file, long offset, long length) {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("offset and length must be >= 0");
        }
        return new ContentHandle() {
            @Override
            public InputStream open() throws IOException {
                FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                channel.position(offset);
                return new BoundedInputStream(Channels.newInputStream(channel), length);
            }

            @Override
            public long sizeOctets() {
                return length;
            }

            @Override
            public String toString() {
                return file + "[" + offset + "+" + length + "]";
            }
        };
    }
}
