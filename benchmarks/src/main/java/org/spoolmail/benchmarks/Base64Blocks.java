package org.spoolmail.benchmarks;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Base64 in 76-character lines two ways, in memory, for the finding in benchmarks/README.md: the JDK's wrapping MIME
 * encoder stream fed 8 KiB at a time (what PartWriter does for a binary part today) against encoding blocks of
 * 1,024 lines (58,368 octets) with {@code Base64.getMimeEncoder(76, CRLF).encode} and one write per block. Both
 * outputs go through a 64 KiB BufferedOutputStream into a digest, and must be identical.
 *
 * <p>Usage: {@code java -cp ... org.spoolmail.benchmarks.Base64Blocks [mebibytes] [rounds]} (defaults 256 and 5).
 */
public final class Base64Blocks {

    private static final byte[] CRLF = {'\r', '\n'};
    private static final int LINE_OCTETS = 57;

    private Base64Blocks() {
    }

    public static void main(String[] args) throws Exception {
        int mebibytes = args.length > 0 ? Integer.parseInt(args[0]) : 256;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        byte[] data = new byte[mebibytes << 20];
        SplittableRandom random = new SplittableRandom(20261130);
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) random.nextInt(256);
        }
        double wrapped = 0;
        double blocks = 0;
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            wrapped(data, OutputStream.nullOutputStream());
            long t1 = System.nanoTime();
            blocks(data, OutputStream.nullOutputStream());
            long t2 = System.nanoTime();
            wrapped = Math.max(wrapped, data.length / 1e6 / ((t1 - t0) / 1e9));
            blocks = Math.max(blocks, data.length / 1e6 / ((t2 - t1) / 1e9));
        }
        Digesting sinkA = new Digesting();
        wrapped(data, sinkA);
        Digesting sinkB = new Digesting();
        blocks(data, sinkB);
        String a = sinkA.hex();
        String b = sinkB.hex();
        System.out.printf(Locale.ROOT, "base64, %d MiB, best of %d (MB/s of input): wrapping stream %.0f, blocks %.0f"
                + " (%.2fx); outputs %s%n", mebibytes, rounds, wrapped, blocks, blocks / wrapped,
                a.equals(b) ? "identical, sha256 " + a : "DIFFER: " + a + " vs " + b);
    }

    private static void wrapped(byte[] data, OutputStream sink) throws IOException {
        BufferedOutputStream out = new BufferedOutputStream(sink, 1 << 16);
        OutputStream enc = Base64.getMimeEncoder(76, CRLF).wrap(out);
        for (int off = 0; off < data.length; off += 8192) {
            enc.write(data, off, Math.min(8192, data.length - off));
        }
        enc.close();
    }

    private static void blocks(byte[] data, OutputStream sink) throws IOException {
        BufferedOutputStream out = new BufferedOutputStream(sink, 1 << 16);
        Base64.Encoder encoder = Base64.getMimeEncoder(76, CRLF);
        int block = LINE_OCTETS * 1024;
        byte[] src = new byte[block];
        byte[] encoded = new byte[block / LINE_OCTETS * 78];
        for (int off = 0; off < data.length; off += block) {
            int len = Math.min(block, data.length - off);
            System.arraycopy(data, off, src, 0, len); // stands for in.readNBytes(src, 0, block)
            if (off > 0) {
                out.write(CRLF);
            }
            int n = encoder.encode(len == block ? src : Arrays.copyOf(src, len), encoded);
            out.write(encoded, 0, n);
        }
        out.flush();
    }

    /** Digests what is written; keeps nothing. */
    private static final class Digesting extends OutputStream {
        private final MessageDigest digest;

        Digesting() throws Exception {
            digest = MessageDigest.getInstance("SHA-256");
        }

        @Override
        public void write(int b) {
            digest.update((byte) b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            digest.update(b, off, len);
        }

        String hex() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }
}
