package org.spoolmail.exits.mail;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Turns every bare CR, bare LF and CRLF into CRLF while streaming, so that no bare line-end octet reaches the wire
 * (SMTP smuggling). {@link #close()} finishes a pending CR and flushes, but leaves the target open.
 */
final class CrlfNormalizingOutputStream extends FilterOutputStream {

    private boolean pendingCr;
    private boolean atLineStart = true;

    CrlfNormalizingOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        int octet = b & 0xFF;
        if (pendingCr) {
            pendingCr = false;
            lineEnd();
            if (octet == '\n') {
                return;
            }
        }
        if (octet == '\r') {
            pendingCr = true;
        } else if (octet == '\n') {
            lineEnd();
        } else {
            out.write(octet);
            atLineStart = false;
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        int run = off;
        int end = off + len;
        for (int i = off; i < end; i++) {
            if (b[i] == '\r' || b[i] == '\n' || pendingCr) {
                flushRun(b, run, i);
                write(b[i]);
                run = i + 1;
            }
        }
        flushRun(b, run, end);
    }

    /**
     * Tells whether the octets written so far end with a line end (or are none).
     *
     * @return true at the start of a line
     */
    boolean atLineStart() {
        return atLineStart && !pendingCr;
    }

    /**
     * Writes a pending CR as CRLF and flushes; the target stays open.
     *
     * @throws IOException if writing fails
     */
    @Override
    public void close() throws IOException {
        if (pendingCr) {
            pendingCr = false;
            lineEnd();
        }
        out.flush();
    }

    private void flushRun(byte[] b, int from, int to) throws IOException {
        if (to > from) {
            out.write(b, from, to - from);
            atLineStart = false;
        }
    }

    private void lineEnd() throws IOException {
        out.write('\r');
        out.write('\n');
        atLineStart = true;
    }
}
