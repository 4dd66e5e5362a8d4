package org.spoolmail.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * The sha256 of the last base64 MIME part of one message, computed while the message streams past (as the sink
 * receives it, dot-stuffed, in CRLF lines), so that a 1 GiB attachment can be checked without storing it. It takes
 * the message line by line: a {@code Content-Transfer-Encoding: base64} field in a header section makes the body
 * that follows the blank line base64; a line starting with {@code --} (a boundary) ends it. Each base64 line is
 * decoded where it lies (whole quanta of 4 characters; a line of 76 is 19 of them), the rest of a line carried to
 * the next, and the decoded octets hashed in blocks of 48 KiB: one pass over the text, no copy of it, so the sink
 * keeps ahead of both senders. Anything but the base64 alphabet (and '=' padding at the end) fails the check.
 */
final class PartDigest {

    private static final int BLOCK = 48 * 1024;
    /** The value of each base64 character; -1 for any other octet ('=' included: it is handled at the end). */
    private static final int[] VALUES = new int[256];

    static {
        Arrays.fill(VALUES, -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            VALUES[alphabet.charAt(i)] = i;
        }
    }

    private boolean inHeaders = true;
    private boolean base64Part;
    private boolean inBase64;
    private final byte[] carry = new byte[4];
    private int carried;
    private boolean padded;
    private final byte[] decoded = new byte[BLOCK + 64];
    private int decodedLength;
    private MessageDigest digest;
    private String last;

    /**
     * Takes the next line of the data, as it came after the 354 (still dot-stuffed).
     *
     * @param data where the line lies
     * @param from its first octet
     * @param to the end of its text (its CRLF not included)
     */
    void line(byte[] data, int from, int to) {
        int start = to > from && data[from] == '.' ? from + 1 : from; // dot-stuffing undone
        boolean boundary = to - start >= 2 && data[start] == '-' && data[start + 1] == '-';
        if (inBase64) {
            if (boundary) {
                finishPart();
                inHeaders = true;
            } else {
                base64(data, start, to);
            }
        } else if (inHeaders) {
            if (to == start) {
                inHeaders = false;
                inBase64 = base64Part;
                if (inBase64) {
                    digest = sha256Digest();
                    carried = 0;
                    padded = false;
                    decodedLength = 0;
                }
                base64Part = false;
            } else if (new String(data, start, to - start, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT)
                    .matches("content-transfer-encoding:\\s*base64\\s*")) {
                base64Part = true;
            }
        } else if (boundary) {
            inHeaders = true;
        }
    }

    /**
     * Takes a line of exactly 76 characters that the caller found followed by CRLF, if it is base64 text of the part
     * being hashed: decodes it unless one of its characters is not base64 (a '.' of dot-stuffing, the '-' of a
     * boundary, an LF within: then nothing is taken, and the caller hands the data over by {@link #line}).
     * Whole base64 lines are most of a large message: the sink need not search them for their LF.
     *
     * @return whether the line was taken
     */
    boolean fullBase64Line(byte[] data, int from) {
        if (!inBase64 || carried != 0 || padded) {
            return false;
        }
        byte[] out = decoded;
        int o = decodedLength;
        for (int i = from; i < from + 76; i += 4) {
            int bits = bits(data, i);
            if (bits < 0) {
                return false;
            }
            o = put(out, o, bits);
        }
        if (o >= BLOCK) {
            digest.update(out, 0, o);
            o = 0;
        }
        decodedLength = o;
        return true;
    }

    /** @return the sha256 (hex) of the last base64 part, if the message had one */
    Optional<String> sha256() {
        if (inBase64) {
            finishPart();
        }
        return Optional.ofNullable(last);
    }

    /** Decodes a line of base64: first completes a quantum carried from the line before, then whole quanta. */
    private void base64(byte[] data, int from, int to) {
        if (padded && to > from) {
            throw new IllegalStateException("base64 text after the '=' padding");
        }
        int i = from;
        while (carried > 0 && carried < 4 && i < to) {
            carry[carried++] = data[i++];
        }
        if (carried == 4) {
            quantum(carry, 0);
            carried = 0;
        }
        int whole = i + (to - i) / 4 * 4;
        byte[] out = decoded;
        int o = decodedLength;
        for (; i < whole; i += 4) {
            int bits = bits(data, i);
            if (bits < 0) { // one of them is not base64: padding, or an error
                decodedLength = o;
                quantum(data, i);
                o = decodedLength;
                continue;
            }
            o = put(out, o, bits);
            if (o >= BLOCK) {
                digest.update(out, 0, o);
                o = 0;
            }
        }
        decodedLength = o;
        while (i < to) {
            carry[carried++] = data[i++];
        }
    }

    /** @return the 24 bits of the 4 base64 characters at {@code i}, negative if one of them is not base64 */
    private static int bits(byte[] data, int i) {
        return VALUES[data[i] & 0xFF] << 18 | VALUES[data[i + 1] & 0xFF] << 12 | VALUES[data[i + 2] & 0xFF] << 6
                | VALUES[data[i + 3] & 0xFF];
    }

    /** Writes the 3 octets of {@code bits} at {@code o}. @return the position after them */
    private static int put(byte[] out, int o, int bits) {
        out[o] = (byte) (bits >> 16);
        out[o + 1] = (byte) (bits >> 8);
        out[o + 2] = (byte) bits;
        return o + 3;
    }

    /** Decodes one quantum of 4 characters, which may end the part with '=' padding. */
    private void quantum(byte[] q, int at) {
        if (padded) {
            throw new IllegalStateException("base64 text after the '=' padding");
        }
        int a = VALUES[q[at] & 0xFF];
        int b = VALUES[q[at + 1] & 0xFF];
        int c = q[at + 2] == '=' ? 0 : VALUES[q[at + 2] & 0xFF];
        int d = q[at + 3] == '=' ? 0 : VALUES[q[at + 3] & 0xFF];
        boolean twoPads = q[at + 2] == '=' && q[at + 3] == '=';
        if (a < 0 || b < 0 || c < 0 || d < 0 || q[at + 2] == '=' && !twoPads) {
            throw new IllegalStateException("not base64: "
                    + new String(q, at, 4, StandardCharsets.ISO_8859_1));
        }
        int bits = a << 18 | b << 12 | c << 6 | d;
        decoded[decodedLength++] = (byte) (bits >> 16);
        if (q[at + 2] != '=') {
            decoded[decodedLength++] = (byte) (bits >> 8);
        }
        if (q[at + 3] != '=') {
            decoded[decodedLength++] = (byte) bits;
        }
        padded = q[at + 3] == '=';
    }

    private void finishPart() {
        if (carried != 0) {
            throw new IllegalStateException("the base64 part ends within a quantum of 4 characters");
        }
        digest.update(decoded, 0, decodedLength);
        decodedLength = 0;
        last = HexFormat.of().formatHex(digest.digest());
        inBase64 = false;
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
