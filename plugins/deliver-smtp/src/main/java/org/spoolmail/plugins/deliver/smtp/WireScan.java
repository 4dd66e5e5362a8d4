package org.spoolmail.plugins.deliver.smtp;

import java.io.IOException;

import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.MessageWriter;
import org.spoolmail.exits.mail.WireOptions;
import org.spoolmail.exits.mail.WireSize;

/**
 * What the data will hold, found before MAIL FROM with {@link MessageWriter#measure} (a binary part's base64 is
 * counted from its size, not encoded): the octets (for SIZE, RFC 1870 section 4) and whether any of them is 0x80
 * or above, which only an 8bit part (or a UTF-8 header field under SMTPUTF8) writes. {@code BODY=8BITMIME} (RFC 6152
 * section 3) is declared only then; a message that MessageWriter writes in 7 bits is announced as the 7-bit message
 * it is, even to a relay that offers 8BITMIME.
 *
 * @param octets the octets of the message before dot-stuffing
 * @param eightBit whether an octet of 0x80 or above is among them
 */
record WireScan(long octets, boolean eightBit) {

    /**
     * Measures the message as it will be sent.
     *
     * @param mail the mail object
     * @param wire the options the data will be written with
     * @return what the measuring found
     * @throws IOException if reading a text part's content fails
     */
    static WireScan of(MailObject mail, WireOptions wire) throws IOException {
        WireSize size = MessageWriter.measure(mail.content(), wire);
        return new WireScan(size.octets(), size.eightBit());
    }
}
