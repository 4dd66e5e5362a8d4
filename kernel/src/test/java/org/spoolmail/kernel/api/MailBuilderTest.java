package org.spoolmail.kernel.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.spoolmail.exits.mail.ForwardPath;
import org.spoolmail.exits.mail.HeaderField;
import org.spoolmail.exits.mail.Mailbox;
import org.spoolmail.exits.mail.ReversePath;

/** The mail builder makes the envelope as {@code sendmail -t} would and refuses bad values naming the field. */
class MailBuilderTest {

    @Test
    void buildShouldPutToCcAndBccInTheEnvelopeAndBccInNoHeaderField() {
        Mail mail = Mail.builder().from("batch@example.com", "Batch \"Nightly\"").to("a@example.com", "b@example.com")
                .cc("c@example.org").bcc("d@example.net").subject("Run 42").header("X-Job", "PAY01").build();

        assertEquals(ReversePath.of(Mailbox.parse("batch@example.com")), mail.envelope().reversePath());
        assertEquals(List.of(ForwardPath.parse("a@example.com"), ForwardPath.parse("b@example.com"),
                ForwardPath.parse("c@example.org"), ForwardPath.parse("d@example.net")),
                mail.envelope().forwardPaths());
        assertEquals(List.of(new HeaderField("From", "\"Batch \\\"Nightly\\\"\" <batch@example.com>"),
                new HeaderField("To", "a@example.com, b@example.com"), new HeaderField("Cc", "c@example.org"),
                new HeaderField("Subject", "Run 42"), new HeaderField("X-Job", "PAY01")), mail.headers().fields());
    }

    @Test
    void toShouldNameTheFieldAndAddressWhenTheAddressIsNoMailbox() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Mail.builder().to("wayne.example.com"));

        assertEquals("to: 'wayne.example.com' is not a mailbox", e.getMessage().substring(0, 40));
    }

    @Test
    void subjectShouldBeRefusedWhenItHoldsALineBreak() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Mail.builder().subject("hi\r\nBcc: victim@example.com"));

        assertEquals("header Subject: ", e.getMessage().substring(0, 16));
    }

    @Test
    void headerShouldBeRefusedWhenItNamesAFieldTheBuilderOwns() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Mail.builder().header("content-type", "text/html"));

        assertEquals("header: Content-Type is set by the builder, not by hand", e.getMessage());
    }

    @Test
    void buildShouldBeRefusedWhenThereIsNoRecipient() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Mail.builder().from("a@example.com").build());

        assertEquals("mail: no recipient: call to, cc or bcc", e.getMessage());
    }

    @Test
    void attachShouldReadTheStreamToItsEndWhenGivenOne() throws Exception {
        Mail mail = Mail.builder().from("a@example.com").to("b@example.com")
                .attach("r.bin", "application/octet-stream", new ByteArrayInputStream(new byte[] {1, 2, 3})).build();

        assertEquals(3, mail.attachments().get(0).content().sizeOctets());
        assertEquals(Optional.of("application/octet-stream"),
                Optional.of(mail.attachments().get(0).contentType().mediaType()));
    }
}
