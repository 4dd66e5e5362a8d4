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
     * Opens a whole regular file once: the handle reads that opened file for as long as it lives, whatever the name
     * denotes later (a file swapped for a FIFO or another file between parse and delivery is never opened). Every
     * read is bounded by the size at opening; a file that shrinks meanwhile fails the read.
     *
     * @param file the file
     * @return a handle over the opened file
     * @throws IOException if the file cannot be opened, is a folder, or is not a regular file (a FIFO, device or
     *     socket, whose reads could wait forever)
     * @since 1.0.0
     */
    static ContentHandle ofFile(Path file) throws IOException {
        return RegularFile.open(file);
    }

    /**
     * Opens a regular file for one read through, refusing anything else, so that a FIFO, device or socket given
     * as a file cannot make the reader wait forever.
     *
     * @param file the file
     * @return a stream over the file; the caller closes it
     * @throws IOException if the file cannot be opened, is a folder, or is not a regular file
     * @since 1.0.0
     */
    static InputStream openRegular(Path file) throws IOException {
        RegularFile.checkRegular(file);
        return Files.newInputStream(file);
    }

    /**
     * Refers to a byte range of a file, such as one part of a spool file. The file is opened by name at each
     * {@link #open()}, which refuses it when it is no longer a regular file.
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
                RegularFile.checkRegular(file);
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
