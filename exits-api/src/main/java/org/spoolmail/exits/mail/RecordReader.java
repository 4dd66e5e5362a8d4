package org.spoolmail.exits.mail;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Returns the records of a stream one at a time, as its {@link RecordFormat} divides it. Not thread-safe.
 *
 * <p>A final record without its terminator is returned as a record; a final fixed-length record shorter than the
 * LRECL is returned as it is. Record numbers count from 1, as an editor's line numbers do. A delimited record
 * longer than the reader's limit ({@link #DEFAULT_MAX_RECORD_OCTETS} unless the reader was opened with another)
 * fails as soon as the limit is passed, so a file without line ends cannot exhaust memory.
 *
 * @since 1.0.0
 */
public final class RecordReader {

    /**
     * The longest delimited record a reader takes by default: 1 MiB (1,048,576 octets), far above any line a job
     * writes and far below what would exhaust a small heap.
     *
     * @since 1.0.0
     */
    public static final int DEFAULT_MAX_RECORD_OCTETS = 1 << 20;

    private final InputStream in;
    private final RecordFormat format;
    private final int maxRecordOctets;
    private long recordNumber;

    RecordReader(InputStream in, RecordFormat format, int maxRecordOctets) {
        this.in = in instanceof BufferedInputStream ? in : new BufferedInputStream(in, 65536);
        this.format = format;
        this.maxRecordOctets = maxRecordOctets;
    }

    /**
     * Reads the next record, without its terminator or RDW.
     *
     * @return the record's octets, or null at the end of the input
     * @throws IOException if reading fails, an RDW is malformed or truncated, or a delimited record is longer than
     *     the limit ({@code record 7 is longer than 1048576 octets}); the message then starts with {@code record N}
     */
    public byte[] next() throws IOException {
        byte[] record = switch (format.kind()) {
            case FIXED -> fixed();
            case VARIABLE -> variable();
            case LF -> delimited((byte) 0x0A, true);
            case CRLF -> crlf();
            case NL -> delimited((byte) 0x15, false);
            case EBCDIC_LF -> delimited((byte) 0x25, false);
        };
        if (record != null) {
            recordNumber++;
        }
        return record;
    }

    /**
     * Returns the number of the record most recently returned by {@link #next()}.
     *
     * @return the record number, 1-based; 0 before the first record
     */
    public long recordNumber() {
        return recordNumber;
    }

    private byte[] fixed() throws IOException {
        byte[] record = in.readNBytes(format.lrecl());
        return record.length == 0 ? null : record;
    }

    private byte[] variable() throws IOException {
        byte[] rdw = in.readNBytes(4);
        if (rdw.length == 0) {
            return null;
        }
        long number = recordNumber + 1;
        if (rdw.length < 4) {
            throw new EOFException("record " + number + ": truncated record descriptor word");
        }
        int length = ((rdw[0] & 0xFF) << 8) | (rdw[1] & 0xFF);
        if (length < 4) {
            throw new IOException("record " + number + ": record descriptor word gives length " + length
                    + ", less than the 4 octets of the RDW itself");
        }
        byte[] record = in.readNBytes(length - 4);
        if (record.length < length - 4) {
            throw new EOFException("record " + number + ": RDW says " + (length - 4) + " octets of data, only "
                    + record.length + " remain");
        }
        return record;
    }

    private byte[] delimited(byte terminator, boolean dropCr) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        boolean any = false;
        while ((b = in.read()) >= 0) {
            any = true;
            if (b == (terminator & 0xFF)) {
                byte[] r = line.toByteArray();
                if (dropCr && r.length > 0 && r[r.length - 1] == 0x0D) {
                    return java.util.Arrays.copyOf(r, r.length - 1);
                }
                return r;
            }
            append(line, b);
        }
        return any ? line.toByteArray() : null;
    }

    private byte[] crlf() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        boolean any = false;
        while ((b = in.read()) >= 0) {
            any = true;
            if (b == 0x0D) {
                in.mark(1);
                if (in.read() == 0x0A) {
                    return line.toByteArray();
                }
                in.reset();
            }
            append(line, b);
        }
        return any ? line.toByteArray() : null;
    }

    /** Adds an octet to a delimited record, failing once the record would pass the limit. */
    private void append(ByteArrayOutputStream line, int b) throws IOException {
        if (line.size() >= maxRecordOctets) {
            throw new IOException("record " + (recordNumber + 1) + " is longer than " + maxRecordOctets + " octets");
        }
        line.write(b);
    }
}
