package org.spoolmail.plugins.deliver.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spoolmail.exits.fake.MailObjects;
import org.spoolmail.exits.mail.ContentHandle;
import org.spoolmail.exits.mail.ContentTransferEncoding;
import org.spoolmail.exits.mail.ContentType;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.MimePart;
import org.spoolmail.exits.mail.PartBody;

/**
 * BODY=8BITMIME (RFC 6152 section 3) is declared only for a message that is written with an 8bit part, never for a
 * 7-bit message just because the relay offers 8BITMIME.
 */
class EightBitMimeDeclarationTest {

    private static final String EHLO = "250-fake.example.com\n250-8BITMIME\n250 SIZE 10240000";

    @TempDir
    Path base;

    private FakeSmtpServer relay;
    private TestStages stages;

    @BeforeEach
    void open() throws IOException {
        stages = new TestStages(base);
        relay = new FakeSmtpServer(c -> c.startsWith("EHLO") ? EHLO : null);
    }

    @AfterEach
    void stop() throws IOException {
        stages.close();
        relay.close();
    }

    @Test
    void processShouldNotDeclare8BitMimeWhenTextIsAscii() throws Exception {
        MailObject mail = text(List.of("Control totals 2024-06-30", "Records: 1200"));

        stages.start(relay.port(), Map.of()).process(mail);

        assertEquals("MAIL FROM:<batch@example.com> SIZE=" + size(), relay.commands().get(1));
        assertEquals("Content-Transfer-Encoding: 7bit", transferEncoding());
    }

    @Test
    void processShouldDeclare8BitMimeWhenTextHoldsOctetsAbove127() throws Exception {
        MailObject mail = text(List.of("Gr\u00fc\u00dfe aus K\u00f6ln", "Prix : 12,50 \u20ac"));

        stages.start(relay.port(), Map.of()).process(mail);

        assertEquals("MAIL FROM:<batch@example.com> SIZE=" + size() + " BODY=8BITMIME",
                relay.commands().get(1));
        assertEquals("Content-Transfer-Encoding: 8bit", transferEncoding());
    }

    @Test
    void processShouldNotDeclare8BitMimeWhenNonAsciiTextIsAlreadyQuotedPrintable() throws Exception {
        MailObject base = MailObjects.builder().from("batch@example.com").to("a@example.com").build();
        MailObject mail = base.withContent(base.content().withRoot(MimePart.leaf(
                new ContentType("text", "plain", Map.of("charset", "UTF-8")),
                Optional.of(ContentTransferEncoding.QUOTED_PRINTABLE), new PartBody.Text(
                        ContentHandle.ofBytes("Gr=C3=BC=C3=9Fe\r\n".getBytes(StandardCharsets.US_ASCII)),
                        StandardCharsets.UTF_8))));

        stages.start(relay.port(), Map.of()).process(mail);

        assertEquals("MAIL FROM:<batch@example.com> SIZE=" + size(), relay.commands().get(1));
    }

    private static MailObject text(List<String> lines) {
        return TextMails.withTextBody(MailObjects.builder().from("batch@example.com").to("a@example.com")
                .header("From", "batch@example.com").header("Subject", "Totals"), lines);
    }

    /** The octets of the message as received, without the dot-stuffing terminator (nothing else was stuffed). */
    private long size() {
        return relay.data().get(0).length - ".\r\n".length();
    }

    private String transferEncoding() {
        String data = new String(relay.data().get(0), StandardCharsets.UTF_8);
        return data.lines().filter(l -> l.startsWith("Content-Transfer-Encoding")).findFirst().orElseThrow();
    }
}
