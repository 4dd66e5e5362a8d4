package org.spoolmail.benchmarks;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * The sha256 of the last base64 MIME part of one message, computed while the message streams past (as the sink
 * receives it, dot-stuffed, in CRLF lines), so that a 1 GiB attachment can be checked without storing it. It reads
 * the message line by line: a {@code Content-Transfer-Encoding: base64} field in a header section makes the body
 * that follows the blank line base64; a line starting with {@code --} (a boundary) ends it. The base64 text is
 * decoded in blocks of 48 KiB, which keeps the sink ahead of both senders.
 */
final class PartDigest {

    private static final int BLOCK = 48 * 1024;

    private final byte[] line = new byte[1000];
    private int lineLength;
    private boolean inHeaders = true;
    private boolean base64Part;
    private boolean inBase64;
    private final byte[] text = new byte[BLOCK + 1000];
    private int textLength;
    private final byte[] decoded = new byte[BLOCK + 1000];
    private MessageDigest digest;
    private String last;

    /** Feeds the next octets of the data, as they came after the 354 (the final dot included or not). */
    void update(byte[] data, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = data[i];
            if (b == '\n') {
                endOfLine();
            } else if (lineLength < line.length) {
                line[lineLength++] = b;
            }
        }
    }

    /** @return the sha256 (hex) of the last base64 part, if the message had one */
    Optional<String> sha256() {
        if (inBase64) {
            finishPart();
        }
        return Optional.ofNullable(last);
    }

    private void endOfLine() {
        int end = lineLength > 0 && line[lineLength - 1] == '\r' ? lineLength - 1 : lineLength;
        int start = end > 0 && line[0] == '.' ? 1 : 0; // dot-stuffing undone
        lineLength = 0;
        boolean boundary = end - start >= 2 && line[start] == '-' && line[start + 1] == '-';
        if (inBase64) {
            if (boundary) {
                finishPart();
                inHeaders = true;
            } else {
                System.arraycopy(line, start, text, textLength, end - start);
                textLength += end - start;
                if (textLength >= BLOCK) {
                    decode(false);
                }
            }
        } else if (inHeaders) {
            if (end == start) {
                inHeaders = false;
                inBase64 = base64Part;
                if (inBase64) {
                    digest = sha256Digest();
                }
                base64Part = false;
            } else if (new String(line, start, end - start, java.nio.charset.StandardCharsets.ISO_8859_1)
                    .toLowerCase(Locale.ROOT).matches("content-transfer-encoding:\\s*base64\\s*")) {
                base64Part = true;
            }
        } else if (boundary) {
            inHeaders = true;
        }
    }

    /** Decodes whole quanta of 4 characters (all of them at the end of the part). */
    private void decode(boolean all) {
        int whole = all ? textLength : textLength / 4 * 4;
        byte[] chunk = java.util.Arrays.copyOf(text, whole);
        int n = Base64.getDecoder().decode(chunk, decoded);
        digest.update(decoded, 0, n);
        System.arraycopy(text, whole, text, 0, textLength - whole);
        textLength -= whole;
    }

    private void finishPart() {
        decode(true);
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
