package org.spoolmail.kernel.queue;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.spoolmail.exits.mail.RecordFormat;

/**
 * Finds where records start, in octets from the start of an input, so that an input holding several transactions
 * can be cut between them without decoding anything: the octets of each piece stay exactly as submitted.
 */
public final class RecordOffsets {

    private RecordOffsets() {
    }

    /**
     * @param in the input, from its start; read to the end of the last record asked for
     * @param format its record format
     * @param records record numbers (1-based), ascending
     * @return the offset of each record's first octet (its RDW for variable records)
     * @throws IOException if reading fails or the input ends before a record
     */
    public static long[] of(InputStream in, RecordFormat format, long[] records) throws IOException {
        long[] offsets = new long[records.length];
        if (format.kind() == RecordFormat.Kind.FIXED) {
            for (int i = 0; i < records.length; i++) {
                offsets[i] = (records[i] - 1) * format.lrecl();
            }
            return offsets;
        }
        BufferedInputStream b = new BufferedInputStream(in, 65536);
        long offset = 0;
        long record = 1;
        int i = 0;
        while (i < records.length) {
            if (record == records[i]) {
                offsets[i++] = offset;
                continue;
            }
            long length = nextRecordLength(b, format);
            if (length < 0) {
                throw new IOException("the input ends before record " + records[i]);
            }
            offset += length;
            record++;
        }
        return offsets;
    }

    /** @return the octets of the next record with its terminator or RDW, or -1 at the end */
    private static long nextRecordLength(BufferedInputStream in, RecordFormat format) throws IOException {
        if (format.kind() == RecordFormat.Kind.VARIABLE) {
            byte[] rdw = in.readNBytes(4);
            if (rdw.length < 4) {
                return -1;
            }
            int length = ((rdw[0] & 0xFF) << 8) | (rdw[1] & 0xFF);
            in.skipNBytes(length - 4);
            return length;
        }
        int terminator = switch (format.kind()) {
            case NL -> 0x15;
            case EBCDIC_LF -> 0x25;
            default -> 0x0A;
        };
        long n = 0;
        int c;
        int previous = -1;
        while ((c = in.read()) >= 0) {
            n++;
            boolean end = format.kind() == RecordFormat.Kind.CRLF ? previous == 0x0D && c == 0x0A : c == terminator;
            if (end) {
                return n;
            }
            previous = c;
        }
        return n == 0 ? -1 : n;
    }
}
