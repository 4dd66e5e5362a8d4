package org.spoolmail.plugins.deliver.smtp;

import java.io.IOException;
import java.io.OutputStream;

import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.MessageWriter;
import org.spoolmail.exits.mail.WireOptions;

/**
 * A first pass through {@link MessageWriter} into nothing, before MAIL FROM: the octets the data will hold (for
 * SIZE, RFC 1870 section 4) and whether any of them is 0x80 or above, which only an 8bit part (or a UTF-8 header
 * field under SMTPUTF8) writes. {@code BODY=8BITMIME} (RFC 6152 section 3) is declared only then; a message that
 * MessageWriter writes in 7 bits is announced as the 7-bit message it is, even to a relay that offers 8BITMIME.
 *
 * @param octets the octets of the message before dot-stuffing
 * @param eightBit whether an octet of 0x80 or above is among them
 */
record WireScan(long octets, boolean eightBit) {

    /**
     * Writes the message as it will be sent and scans it.
     *
     * @param mail the mail object
     * @param wire the options the data will be written with
     * @return what the pass found
     * @throws IOException if reading the content fails
     */
    static WireScan of(MailObject mail, WireOptions wire) throws IOException {
        Scanner scanner = new Scanner();
        MessageWriter.write(mail.content(), scanner, wire);
        return new WireScan(scanner.octets, scanner.eightBit);
    }

    /** Counts octets and notes a high one; keeps nothing. */
    private static final class Scanner extends OutputStream {

        private long octets;
        private boolean eightBit;

        @Override
        public void write(int b) {
            octets++;
            eightBit |= (b & 0x80) != 0;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            octets += len;
            for (int i = off; i < off + len && !eightBit; i++) {
                eightBit = (b[i] & 0x80) != 0;
            }
        }
    }
}
