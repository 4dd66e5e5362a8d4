package org.spoolmail.exits.mail;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Text that has not been translated yet: a sequence of records (lines) in their source CCSID, exactly as the input
 * held them, without line-end octets.
 *
 * <p>Keeping the record structure apart from the octets is what makes EBCDIC safe: x'15' and x'25' inside a record
 * stay data, and the codepage-translate stage decides line ends from the records, never from the charset. The
 * records are stored in a {@link ContentHandle} as a sequence of 4-octet big-endian lengths, each followed by that
 * many octets; {@link Writer} builds one, spilling to a temporary file past {@value Writer#MEMORY_LIMIT} octets.
 *
 * @param records the length-prefixed records
 * @param ccsid the CCSID the octets are encoded in
 * @param recordCount the number of records
 * @since 1.0.0
 */
public record TextRecords(ContentHandle records, Ccsid ccsid, long recordCount) {

    /**
     * Checks the components.
     *
     * @param records the length-prefixed records
     * @param ccsid the CCSID the octets are encoded in
     * @param recordCount the number of records
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if recordCount is negative
     */
    public TextRecords {
        java.util.Objects.requireNonNull(records, "records");
        java.util.Objects.requireNonNull(ccsid, "ccsid");
        if (recordCount < 0) {
            throw new IllegalArgumentException("recordCount must be >= 0");
        }
    }

    /**
     * Starts writing records in a CCSID.
     *
     * @param ccsid the CCSID of the octets that will be written
     * @return a new writer
     */
    public static Writer writer(Ccsid ccsid) {
        return new Writer(ccsid);
    }

    /**
     * Builds records from Unicode lines, encoding each with the CCSID. For tests and for stages that make text.
     *
     * @param ccsid the CCSID to encode in
     * @param lines the lines, without line ends
     * @return the records
     * @throws IOException never for in-memory content; declared because spilling may write a file
     */
    public static TextRecords ofLines(Ccsid ccsid, java.util.List<String> lines) throws IOException {
        Writer w = writer(ccsid);
        for (String line : lines) {
            w.add(line.getBytes(ccsid.charset()));
        }
        return w.finish();
    }

    /**
     * Opens a cursor over the records.
     *
     * @return a new cursor; the caller closes it
     * @throws IOException if the content cannot be opened
     */
    public Cursor open() throws IOException {
        return new Cursor(records.open());
    }

    /**
     * Decodes every record with the CCSID's charset. For tests and small content: it reads everything.
     *
     * @return the lines
     * @throws IOException if reading fails
     */
    public java.util.List<String> lines() throws IOException {
        java.util.List<String> out = new java.util.ArrayList<>();
        try (Cursor c = open()) {
            byte[] r;
            while ((r = c.next()) != null) {
                out.add(new String(r, ccsid.charset()));
            }
        }
        return out;
    }

    /** Reads records back one at a time. Not thread-safe. */
    public static final class Cursor implements AutoCloseable {
        private final DataInputStream in;

        private Cursor(InputStream in) {
            this.in = new DataInputStream(new java.io.BufferedInputStream(in, 65536));
        }

        /**
         * Reads the next record.
         *
         * @return the record's octets, or null after the last one
         * @throws IOException if reading fails or the content is truncated
         */
        public byte[] next() throws IOException {
            int length;
            try {
                length = in.readInt();
            } catch (EOFException e) {
                return null;
            }
            byte[] r = new byte[length];
            in.readFully(r);
            return r;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** Collects records, in memory up to {@value #MEMORY_LIMIT} octets and in a temporary file past that. */
    public static final class Writer {
        /** Octets kept in memory before the records spill to a temporary file. */
        public static final int MEMORY_LIMIT = 1 << 20;

        private final Ccsid ccsid;
        private ByteArrayOutputStream memory = new ByteArrayOutputStream();
        private OutputStream file;
        private Path path;
        private long size;
        private long count;

        private Writer(Ccsid ccsid) {
            this.ccsid = ccsid;
        }

        /**
         * Appends one record.
         *
         * @param record the record's octets, without a line end
         * @return this writer
         * @throws IOException if spilling to the temporary file fails
         */
        public Writer add(byte[] record) throws IOException {
            OutputStream out = target(record.length + 4L);
            out.write(record.length >>> 24);
            out.write(record.length >>> 16);
            out.write(record.length >>> 8);
            out.write(record.length);
            out.write(record);
            size += record.length + 4L;
            count++;
            return this;
        }

        /**
         * Finishes the records.
         *
         * @return the records written so far
         * @throws IOException if the temporary file cannot be closed or measured
         */
        public TextRecords finish() throws IOException {
            if (file != null) {
                file.close();
                return new TextRecords(ContentHandle.ofFile(path), ccsid, count);
            }
            return new TextRecords(ContentHandle.ofBytes(memory.toByteArray()), ccsid, count);
        }

        private OutputStream target(long more) throws IOException {
            if (file == null && size + more > MEMORY_LIMIT) {
                path = Files.createTempFile("spoolmail-records-", ".bin");
                path.toFile().deleteOnExit();
                file = new java.io.BufferedOutputStream(Files.newOutputStream(path), 65536);
                memory.writeTo(file);
                memory = null;
            }
            return file != null ? file : memory;
        }
    }
}
