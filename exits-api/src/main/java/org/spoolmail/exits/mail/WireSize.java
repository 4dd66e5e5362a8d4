package org.spoolmail.exits.mail;

/**
 * The size of a message in its wire form as {@link MessageWriter#write} writes it, before dot-stuffing: what an SMTP
 * client declares with {@code SIZE=} (RFC 1870 section 4) and whether it must declare {@code BODY=8BITMIME} (RFC 6152
 * section 3).
 *
 * @param octets the octets {@link MessageWriter#write} writes, CRLF line ends included; not negative
 * @param eightBit whether one of them is 0x80 or above (only an 8bit part or a UTF-8 header field under SMTPUTF8
 *     writes one)
 * @since 1.0.0
 */
public record WireSize(long octets, boolean eightBit) {

    /**
     * Checks the values.
     *
     * @param octets the octets written; not negative
     * @param eightBit whether one is 0x80 or above
     * @throws IllegalArgumentException if {@code octets} is negative
     */
    public WireSize {
        if (octets < 0) {
            throw new IllegalArgumentException("octets must be >= 0: " + octets);
        }
    }
}
