package org.spoolmail.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

/**
 * A received message as a MIME parser reads it: the decoded Subject, the decoded display names and addresses of
 * From, To and Cc, and every leaf part with its media type, file name and decoded body octets. {@link #of} reads the
 * wire form with two independent parsers, Angus Mail and Apache mime4j, and asserts that they agree part by part,
 * octets included, so a test's expectations hold for both.
 *
 * @param subject the decoded Subject, empty if none
 * @param from the From mailboxes, each as {@code "display name" <address>} after decoding
 * @param to the To mailboxes, likewise
 * @param cc the Cc mailboxes, likewise
 * @param leaves the leaf parts, depth first
 */
record ParsedMail(String subject, List<String> from, List<String> to, List<String> cc, List<Leaf> leaves) {

    /**
     * One leaf part.
     *
     * @param mediaType the media type in lower case, without parameters
     * @param filename the decoded file name (Content-Disposition filename, else Content-Type name), empty if none
     * @param octets the body after undoing the transfer encoding
     */
    record Leaf(String mediaType, String filename, byte[] octets) {
    }

    /**
     * Reads a message with Angus Mail and with mime4j and asserts that both read the same.
     *
     * @param wire the message octets with CRLF line ends
     * @return what both parsers read
     */
    static ParsedMail of(byte[] wire) throws Exception {
        ParsedMail angus = AngusReader.read(wire);
        ParsedMail mime4j = Mime4jReader.read(wire);
        assertEquals(angus.subject(), mime4j.subject(), "Subject: Angus Mail and mime4j differ");
        assertEquals(angus.from(), mime4j.from(), "From: Angus Mail and mime4j differ");
        assertEquals(angus.to(), mime4j.to(), "To: Angus Mail and mime4j differ");
        assertEquals(angus.cc(), mime4j.cc(), "Cc: Angus Mail and mime4j differ");
        assertEquals(angus.leaves().size(), mime4j.leaves().size(), "leaf parts: Angus Mail and mime4j differ");
        for (int i = 0; i < angus.leaves().size(); i++) {
            Leaf a = angus.leaves().get(i);
            Leaf m = mime4j.leaves().get(i);
            assertEquals(a.mediaType(), m.mediaType(), "leaf " + i + " media type");
            assertEquals(a.filename(), m.filename(), "leaf " + i + " file name");
            assertArrayEquals(a.octets(), m.octets(), "leaf " + i + " decoded octets");
        }
        return angus;
    }

    static String mailbox(String name, String address) {
        return "\"" + (name == null ? "" : name) + "\" <" + address + ">";
    }
}
