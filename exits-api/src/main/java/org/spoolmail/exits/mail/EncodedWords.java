package org.spoolmail.exits.mail;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Makes RFC 2047 encoded-words ({@code =?UTF-8?B?...?=} or {@code =?UTF-8?Q?...?=}) of whole characters: a UTF-8
 * sequence or a surrogate pair is never split across two words (jakartaee/mail-api#97). The Q form uses only the
 * characters RFC 2047 section 5 (3) allows in a phrase, so the same words serve unstructured text, phrases and
 * quoted parameter values.
 */
final class EncodedWords {

    /** RFC 2047 section 2: the longest encoded-word. */
    static final int MAX_WORD = 75;
    /** Room for one character of four UTF-8 octets in the Q form. */
    static final int MIN_WORD = 24;
    private static final int OVERHEAD = "=?UTF-8?B?".length() + "?=".length();
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** One encoded-word and where the text it holds ends. */
    record Word(String text, int end) {
    }

    private EncodedWords() {
    }

    /**
     * Tells whether text must be encoded: it holds non-ASCII characters (unless allowed) or looks like an
     * encoded-word that a reader would decode.
     *
     * @param text the text
     * @param utf8Allowed true if raw UTF-8 may go into the header (SMTPUTF8)
     * @return true if the text must be encoded
     */
    static boolean needed(String text, boolean utf8Allowed) {
        boolean ascii = text.chars().allMatch(c -> c < 0x80);
        return (!ascii && !utf8Allowed) || (text.contains("=?") && text.contains("?="));
    }

    /**
     * Chooses the shorter form for a text.
     *
     * @param text the text to encode
     * @return true for B (base64), false for Q
     */
    static boolean preferB(String text) {
        byte[] octets = text.getBytes(StandardCharsets.UTF_8);
        int q = 0;
        for (byte o : octets) {
            q += qSafe(o & 0xFF) ? 1 : 3;
        }
        return 4 * ((octets.length + 2) / 3) < q;
    }

    /**
     * Encodes as many whole characters of text from start as fit in one word of at most maxLength characters
     * (at least one character).
     *
     * @param text the text
     * @param start the index of the first character to encode
     * @param maxLength the longest word wanted, at most {@value #MAX_WORD}
     * @param b true for the B form, false for Q
     * @return the word and the index after the last character it holds
     */
    static Word next(String text, int start, int maxLength, boolean b) {
        int budget = Math.min(maxLength, MAX_WORD) - OVERHEAD;
        java.io.ByteArrayOutputStream octets = new java.io.ByteArrayOutputStream();
        int qLength = 0;
        int i = start;
        while (i < text.length()) {
            int n = Character.charCount(text.codePointAt(i));
            byte[] c = text.substring(i, i + n).getBytes(StandardCharsets.UTF_8);
            int cq = 0;
            for (byte o : c) {
                cq += qSafe(o & 0xFF) ? 1 : 3;
            }
            int length = b ? 4 * ((octets.size() + c.length + 2) / 3) : qLength + cq;
            if (length > budget && i > start) {
                break;
            }
            octets.write(c, 0, c.length);
            qLength += cq;
            i += n;
        }
        byte[] all = octets.toByteArray();
        String encoded = b ? "=?UTF-8?B?" + Base64.getEncoder().encodeToString(all) : "=?UTF-8?Q?" + q(all);
        return new Word(encoded + "?=", i);
    }

    private static String q(byte[] octets) {
        StringBuilder s = new StringBuilder();
        for (byte o : octets) {
            int v = o & 0xFF;
            if (v == ' ') {
                s.append('_');
            } else if (qSafe(v)) {
                s.append((char) v);
            } else {
                s.append('=').append(HEX[v >>> 4]).append(HEX[v & 0x0F]);
            }
        }
        return s.toString();
    }

    private static boolean qSafe(int v) {
        return (v >= 'a' && v <= 'z') || (v >= 'A' && v <= 'Z') || (v >= '0' && v <= '9') || "!*+-/ ".indexOf(v) >= 0;
    }
}
