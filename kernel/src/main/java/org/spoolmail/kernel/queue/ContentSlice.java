package org.spoolmail.kernel.queue;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.spoolmail.exits.mail.ContentHandle;

/**
 * Octets {@code offset} to {@code offset + length} of another handle, read through it at each open (so a handle over
 * a file opened once stays that file): one transaction of an input, or the input and each carried file of an item.
 */
public final class ContentSlice implements ContentHandle {

    private final ContentHandle whole;
    private final long offset;
    private final long length;

    /**
     * @param whole the handle
     * @param offset the first octet, 0-based
     * @param length the number of octets
     */
    public ContentSlice(ContentHandle whole, long offset, long length) {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("offset and length must be >= 0");
        }
        this.whole = whole;
        this.offset = offset;
        this.length = length;
    }

    @Override
    public InputStream open() throws IOException {
        InputStream in = whole.open();
        in.skipNBytes(offset);
        return new FilterInputStream(in) {
            private long left = length;

            @Override
            public int read() throws IOException {
                return left-- > 0 ? super.read() : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = super.read(b, off, (int) Math.min(len, left));
                left -= Math.max(n, 0);
                return n;
            }
        };
    }

    @Override
    public long sizeOctets() {
        return length;
    }

    @Override
    public String toString() {
        return whole + "[" + offset + "+" + length + "]";
    }
}
