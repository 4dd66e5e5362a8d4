package org.spoolmail.plugins.deliver.smtp;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

import org.spoolmail.exits.mail.Base64LineSink;

/**
 * The SMTP DATA encoding of RFC 5321 section 4.5.2, made safe against SMTP smuggling (CVE-2023-51764/5/6):
 * <ul>
 *   <li>every line end becomes CRLF: CRLF stays, and a bare LF or a bare CR each become CRLF, so nothing in the
 *   content can form an end-of-data sequence the relay might honour;</li>
 *   <li>a '.' at the start of a line (at the very start, or after a line end) is doubled;</li>
 *   <li>{@link #finish()} ends the data: it adds CRLF unless the data already ends with a line end, then writes
 *   {@code .} CRLF.</li>
 * </ul>
 * Example: {@code a LF . b CR . CR LF} becomes {@code a CRLF .. b CRLF .. CRLF}, and after {@code finish()}
 * {@code . CRLF} follows. {@link #close()} flushes but never writes the terminator and never closes the socket
 * stream: a message that failed half-way must not be ended as if it were complete. Base64 lines
 * ({@link #writeBase64Lines}) pass without a scan: see there. Not thread-safe.
 */
final class DotStuffingOutputStream extends FilterOutputStream implements Base64LineSink {

    private static final int CR = '\r';
    private static final int LF = '\n';
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] END_OF_DATA = {'.', '\r', '\n'};

    private boolean atLineStart = true;
    private boolean pendingCr;
    private boolean finished;

    /** @param out the connection's (buffered) stream; not closed by this stream */
    DotStuffingOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        checkOpen();
        int c = b & 0xFF;
        if (c == LF) {
            pendingCr = false;
            lineEnd();
            return;
        }
        if (pendingCr) {
            pendingCr = false;
            lineEnd();
        }
        if (c == CR) {
            pendingCr = true;
            return;
        }
        if (atLineStart && c == '.') {
            out.write('.');
        }
        out.write(c);
        atLineStart = false;
    }

    /**
     * Copies runs of octets straight through, CRLF pairs included, with one write per run; only a bare CR, a bare
     * LF and a '.' at a line start end a run. Same octets as {@link #write(int)} for each octet.
     */
    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        checkOpen();
        int end = off + len;
        int i = len > 0 ? endPendingCr(b, off) : off;
        boolean lineStart = atLineStart;
        int run = i;
        while (i < end) {
            byte c = b[i];
            if (c == CR) {
                if (i + 1 < end && b[i + 1] == LF) {
                    i += 2;
                    lineStart = true;
                    continue;
                }
                writeRun(b, run, i);
                i++;
                run = i;
                if (i == end) {
                    pendingCr = true;
                } else {
                    out.write(CRLF);
                    lineStart = true;
                }
            } else if (c == LF) {
                writeRun(b, run, i);
                out.write(CRLF);
                lineStart = true;
                i++;
                run = i;
            } else {
                if (lineStart && c == '.') {
                    writeRun(b, run, i);
                    out.write('.');
                    run = i;
                }
                lineStart = false;
                i++;
                while (i < end && (c = b[i]) != CR && c != LF) {
                    i++;
                }
            }
        }
        writeRun(b, run, end);
        atLineStart = lineStart;
    }

    /**
     * Writes base64 lines as they are, with one write and no scan. By construction nothing in them needs a change:
     * the base64 alphabet has no '.', CR or LF, so no line starts with '.', and every line end is a CRLF pair
     * already. The scan of {@link #write(byte[], int, int)} would copy every octet unchanged; on a large attachment
     * it was most of the CPU of the data phase. Only the state changes: a CR left by the previous write is ended
     * first (a base64 character never pairs with it), and the stream is at a line start after the text if the
     * text ended with LF. With assertions enabled (the tests) the octets are checked to be what the caller
     * promised.
     */
    @Override
    public void writeBase64Lines(byte[] b, int off, int len) throws IOException {
        checkOpen();
        if (len == 0) {
            return;
        }
        assert base64Lines(b, off, len) : "not base64 lines";
        int from = endPendingCr(b, off);
        writeRun(b, from, off + len);
        atLineStart = b[off + len - 1] == LF;
    }

    /** For the assertion: only base64 characters, and CR only directly before LF, LF only directly after CR. */
    private static boolean base64Lines(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            byte c = b[i];
            boolean alphabet = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+'
                    || c == '/' || c == '=';
            boolean pair = c == CR && i + 1 < off + len && b[i + 1] == LF || c == LF && i > off && b[i - 1] == CR;
            if (!alphabet && !pair) {
                return false;
            }
        }
        return b[off] != CR && b[off] != LF;
    }

    /**
     * Ends the data with CRLF (if the last line is not ended) and {@code .} CRLF, and flushes. Call once, only
     * after the whole message was written.
     *
     * @throws IOException if writing fails
     */
    void finish() throws IOException {
        checkOpen();
        if (pendingCr || !atLineStart) {
            out.write(CRLF);
        }
        out.write(END_OF_DATA);
        out.flush();
        finished = true;
    }

    /** Flushes; leaves the underlying stream open and writes no terminator. */
    @Override
    public void close() throws IOException {
        out.flush();
    }

    /** Ends a CR left by the previous call; returns where this call's octets start (after an LF that pairs it). */
    private int endPendingCr(byte[] b, int off) throws IOException {
        if (!pendingCr) {
            return off;
        }
        pendingCr = false;
        lineEnd();
        return b[off] == LF ? off + 1 : off;
    }

    private void writeRun(byte[] b, int from, int to) throws IOException {
        if (to > from) {
            out.write(b, from, to - from);
        }
    }

    private void lineEnd() throws IOException {
        out.write(CRLF);
        atLineStart = true;
    }

    private void checkOpen() throws IOException {
        if (finished) {
            throw new IOException("the data was already ended with <CRLF>.<CRLF>");
        }
    }
}
