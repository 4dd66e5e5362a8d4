package org.spoolmail.plugins.deliver.smtp;

import java.io.FilterOutputStream;
import java.io.IOException;

import org.spoolmail.exits.mail.Base64LineSink;

/**
 * Counts the octets written through it, for the {@code size-octets} attribute (before dot-stuffing); base64 lines
 * go on to the dot-stuffing stream's {@link Base64LineSink} side, so they are counted without being scanned.
 */
final class CountingOutputStream extends FilterOutputStream implements Base64LineSink {

    private final DotStuffingOutputStream stuffing;
    private long count;

    CountingOutputStream(DotStuffingOutputStream out) {
        super(out);
        this.stuffing = out;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        count += len;
    }

    @Override
    public void writeBase64Lines(byte[] b, int off, int len) throws IOException {
        stuffing.writeBase64Lines(b, off, len);
        count += len;
    }

    /** @return the octets written so far */
    long count() {
        return count;
    }
}
