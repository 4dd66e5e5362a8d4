package org.spoolmail.exits.mail;

import java.util.Locale;
import java.util.Optional;

/**
 * The Content-Transfer-Encoding mechanisms of RFC 2045 section 6.1, each with its token.
 *
 * @since 1.0.0
 */
public enum ContentTransferEncoding {
    /** {@code 7bit}: US-ASCII lines of at most 998 octets. */
    SEVEN_BIT("7bit"),
    /** {@code 8bit}: octets above 127 allowed, lines of at most 998 octets; needs 8BITMIME (RFC 6152). */
    EIGHT_BIT("8bit"),
    /** {@code binary}: any octets, no line structure; needs BINARYMIME, which spoolmail never sends. */
    BINARY("binary"),
    /** {@code quoted-printable} (RFC 2045 section 6.7). */
    QUOTED_PRINTABLE("quoted-printable"),
    /** {@code base64} (RFC 2045 section 6.8), lines of at most 76 characters. */
    BASE64("base64");

    private final String token;

    ContentTransferEncoding(String token) {
        this.token = token;
    }

    /** @return the RFC 2045 token, lower case */
    public String token() {
        return token;
    }

    /** @return true for quoted-printable and base64, whose content is in an encoded transfer form */
    public boolean isEncoding() {
        return this == QUOTED_PRINTABLE || this == BASE64;
    }

    /**
     * Reads a token, ignoring case and surrounding blanks.
     *
     * @param token the field body of a Content-Transfer-Encoding header field
     * @return the mechanism, or empty if the token is not one of RFC 2045's
     */
    public static Optional<ContentTransferEncoding> fromToken(String token) {
        String t = token.strip().toLowerCase(Locale.ROOT);
        for (ContentTransferEncoding e : values()) {
            if (e.token.equals(t)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
