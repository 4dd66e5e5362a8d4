package org.spoolmail.kernel.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a stream into lines at LF (a CR before it dropped), as octets: the caller decodes each line on its own, so a
 * line that is not UTF-8 spoils only itself. Reads in blocks of 64 KiB and scans them in place, since a day file of a
 * busy system holds hundreds of thousands of records.
 */
final class LineReader {

    private final InputStream in;
    private final byte[] block = new byte[1 << 16];
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private int position;
    private int limit;

    LineReader(InputStream in) {
        this.in = in;
    }

    /**
     * @return the next line without its line end, or null at the end of the stream (a last line without LF is
     *     returned too)
     * @throws IOException if reading fails
     */
    byte[] next() throws IOException {
        partial.reset();
        while (true) {
            if (position == limit) {
                limit = in.read(block);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return partial.size() > 0 ? withoutCr(partial.toByteArray()) : null;
                }
            }
            int lf = position;
            while (lf < limit && block[lf] != '\n') {
                lf++;
            }
            if (lf < limit) {
                byte[] line;
                if (partial.size() == 0) {
                    line = Arrays.copyOfRange(block, position, lf);
                } else {
                    partial.write(block, position, lf - position);
                    line = partial.toByteArray();
                }
                position = lf + 1;
                return withoutCr(line);
            }
            partial.write(block, position, limit - position);
            position = limit;
        }
    }

    private static byte[] withoutCr(byte[] line) {
        return line.length > 0 && line[line.length - 1] == '\r' ? Arrays.copyOf(line, line.length - 1) : line;
    }
}
