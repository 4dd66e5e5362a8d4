package org.spoolmail.exits.mail;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.lang.ref.Cleaner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A regular file opened once, read through that one descriptor for as long as the handle lives. Opening by name
 * again later (at delivery, for the hold copy) would read whatever the name then denotes: a file swapped for a FIFO
 * between parse and delivery would block the run forever in open(2), one swapped for another file would send that
 * file. So the name is checked to be a regular file, opened, and checked again to be the same file; every read
 * afterwards is a positional read of the opened file, bounded by the length seen at opening. A file that shrinks
 * meanwhile fails the read instead of sending less than was parsed. Reads go through {@link RandomAccessFile},
 * whose reads an interrupt (an exit routine cancelled at its time limit) cannot close for every other reader, as it
 * would a {@code FileChannel}. The descriptor is closed when the handle is no longer reachable.
 *
 * <p>What it cannot stop: a swap in the instant between the check and open(2) can still block that open; only
 * O_NONBLOCK could prevent it, and Java does not offer it. Whoever can swap files in the input's folder can also
 * change the input itself.
 */
final class RegularFile implements ContentHandle {

    private static final Cleaner CLEANER = Cleaner.create();

    private final Path file;
    private final RandomAccessFile raf;
    private final long length;

    private RegularFile(Path file, RandomAccessFile raf, long length) {
        this.file = file;
        this.raf = raf;
        this.length = length;
        CLEANER.register(this, new Closer(raf));
    }

    static RegularFile open(Path file) throws IOException {
        Object before = checkRegular(file).fileKey();
        RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r");
        try {
            Object after = checkRegular(file).fileKey();
            if (before != null && !before.equals(after)) {
                throw new IOException(file + " was replaced while it was being opened: refusing to read it");
            }
            return new RegularFile(file, raf, raf.length());
        } catch (IOException | RuntimeException e) {
            raf.close();
            throw e;
        }
    }

    /**
     * @param file a path
     * @return its attributes, when it is a regular file
     * @throws IOException if it is missing, a folder, or not a regular file (a FIFO, device or socket, whose reads
     *     could wait forever)
     */
    static BasicFileAttributes checkRegular(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (attributes.isDirectory()) {
            throw new IOException(file + " is a folder");
        }
        if (!attributes.isRegularFile()) {
            throw new IOException(file + " is not a regular file (a FIFO, device or socket, whose reads could wait"
                    + " forever): refusing to read it");
        }
        return attributes;
    }

    @Override
    public InputStream open() {
        return new Reader();
    }

    @Override
    public long sizeOctets() {
        return length;
    }

    @Override
    public String toString() {
        return file + "[0+" + length + "]";
    }

    /** One independent stream over the opened file; it keeps the handle, and so the descriptor, alive. */
    private final class Reader extends InputStream {
        private long position;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (position >= length) {
                return -1;
            }
            int want = (int) Math.min(len, length - position);
            int n;
            synchronized (raf) {
                raf.seek(position);
                n = raf.read(b, off, want);
            }
            if (n < 0) {
                throw new EOFException(file + " became shorter while it was being read: it held " + length
                        + " octets when opened, " + position + " now");
            }
            position += n;
            return n;
        }

        /**
         * Moves the position without reading: the stream reads at its own position anyway. InputStream's own skip
         * reads and discards, which made every slice of a datastream read all the octets before it (a submit of
         * 10,000 transactions read the file 10,000 times over).
         */
        @Override
        public long skip(long n) {
            long skipped = Math.max(0, Math.min(n, length - position));
            position += skipped;
            return skipped;
        }

        @Override
        public int available() {
            return (int) Math.min(Integer.MAX_VALUE, length - position);
        }
    }

    /** Closes the descriptor once the handle is unreachable; holds no reference to the handle. */
    private record Closer(RandomAccessFile raf) implements Runnable {
        @Override
        public void run() {
            try {
                raf.close();
            } catch (IOException e) {
                // nothing more can be done for a descriptor nobody uses any more
            }
        }
    }
}
