package org.spoolmail.exits.mail;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Keeps CRLF-normalised text that is already in an encoded transfer form within the wire's line limits without
 * changing what it decodes to: base64 is re-wrapped into lines of 76 characters (decoders ignore line breaks), and a
 * quoted-printable line that would pass 998 octets gets a soft line break ("=" CRLF) that never splits an "=XX".
 * {@link #close()} flushes but leaves the target open.
 */
final class EncodedTextGuard extends FilterOutputStream {

    private static final int BASE64_LINE = 76;
    private static final int QP_LINE = TextScan.MAX_LINE_OCTETS - 3;

    private final boolean base64;
    private int lineLength;
    private int escapeLeft;

    /**
     * @param out the target
     * @param encoding {@link ContentTransferEncoding#BASE64} or {@link ContentTransferEncoding#QUOTED_PRINTABLE}
     */
    EncodedTextGuard(OutputStream out, ContentTransferEncoding encoding) {
        super(out);
        this.base64 = encoding == ContentTransferEncoding.BASE64;
    }

    @Override
    public void write(int b) throws IOException {
        int octet = b & 0xFF;
        if (base64) {
            base64Octet(octet);
        } else {
            qpOctet(octet);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }

    private void base64Octet(int octet) throws IOException {
        if (octet == '\r' || octet == '\n' || octet == ' ' || octet == '\t') {
            return;
        }
        if (lineLength == BASE64_LINE) {
            out.write('\r');
            out.write('\n');
            lineLength = 0;
        }
        out.write(octet);
        lineLength++;
    }

    private void qpOctet(int octet) throws IOException {
        if (octet == '\r' || octet == '\n') {
            out.write(octet);
            lineLength = 0;
            escapeLeft = 0;
            return;
        }
        if (lineLength >= QP_LINE && escapeLeft == 0) {
            out.write('=');
            out.write('\r');
            out.write('\n');
            lineLength = 0;
        }
        out.write(octet);
        lineLength++;
        escapeLeft = octet == '=' ? 2 : Math.max(0, escapeLeft - 1);
    }
}
