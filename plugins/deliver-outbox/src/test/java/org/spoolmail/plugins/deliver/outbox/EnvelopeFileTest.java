package org.spoolmail.plugins.deliver.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.spoolmail.exits.fake.MailObjects;

class EnvelopeFileTest {

    @Test
    void formatShouldWriteOneLinePerPathWhenSeveralRecipients() {
        byte[] text = EnvelopeFile.format(MailObjects.builder().from("batch@node1.example.com")
                .to("hr.reports@example.com").to("audit@example.com").build().envelope());

        assertEquals("MAIL FROM:<batch@node1.example.com>\nRCPT TO:<hr.reports@example.com>\n"
                + "RCPT TO:<audit@example.com>\n", new String(text, StandardCharsets.US_ASCII));
    }

    @Test
    void formatShouldWriteEmptyBracketsWhenNullReversePath() {
        byte[] text = EnvelopeFile.format(MailObjects.builder().nullSender().to("ops@example.com").build().envelope());

        assertEquals("MAIL FROM:<>\nRCPT TO:<ops@example.com>\n", new String(text, StandardCharsets.US_ASCII));
    }

    @Test
    void formatShouldWriteUtf8WhenAddressIsInternationalized() {
        byte[] text = EnvelopeFile.format(MailObjects.builder().from("sender@example.org")
                .to("jürgen@bücher.example").build().envelope());

        assertEquals("MAIL FROM:<sender@example.org>\nRCPT TO:<j\u00fcrgen@b\u00fccher.example>\n",
                new String(text, StandardCharsets.UTF_8));
        assertEquals(65, text.length);
    }
}
