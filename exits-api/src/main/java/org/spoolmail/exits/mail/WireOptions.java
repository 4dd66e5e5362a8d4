package org.spoolmail.exits.mail;

/**
 * What the receiving side accepts, which decides how {@link MessageWriter} encodes a message.
 *
 * @param eightBitMime the relay offered 8BITMIME (RFC 6152): 8bit text parts may go unencoded
 * @param smtpUtf8 the relay offered SMTPUTF8 (RFC 6531): UTF-8 header fields may go without RFC 2047
 * @since 1.0.0
 */
public record WireOptions(boolean eightBitMime, boolean smtpUtf8) {

    /** The strictest receiver: 7-bit only, every non-ASCII octet encoded. */
    public static final WireOptions SEVEN_BIT = new WireOptions(false, false);
}
