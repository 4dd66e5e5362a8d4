package org.spoolmail.sampleexits.size;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.spoolmail.exits.fake.MailObjects;
import org.spoolmail.exits.mail.Ccsid;

class MessageSizeTest {

    @Test
    void base64OctetsShouldAddACrlfPerLineOf76CharactersWhenEncoding() {
        assertEquals(0, MessageSize.base64Octets(0));
        assertEquals(6, MessageSize.base64Octets(1));
        assertEquals(78, MessageSize.base64Octets(57));
        assertEquals(84, MessageSize.base64Octets(58));
        assertEquals(1372, MessageSize.base64Octets(1000));
    }

    @Test
    void octetsShouldCountRecordsAsLinesWithCrlfWhenTheBodyIsUntranslated() {
        long size = MessageSize.octets(MailObjects.builder().body("ab", "", "cde").build().content());

        assertEquals(2 + 4 + 2 + 5, size);
    }

    @Test
    void octetsShouldCountHeaderFieldsInUtf8WhenTheyHoldNonAsciiText() {
        long size = MessageSize.octets(MailObjects.builder().ccsid(Ccsid.parse("1047"))
                .header("Subject", "été").body("x").build().content());

        assertEquals("Subject: été".length() + 2 + 2 + 2 + 3, size);
    }
}
