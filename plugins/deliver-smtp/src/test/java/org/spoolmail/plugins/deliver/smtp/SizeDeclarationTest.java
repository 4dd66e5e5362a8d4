package org.spoolmail.plugins.deliver.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spoolmail.exits.fake.MailObjects;
import org.spoolmail.exits.mail.ContentHandle;
import org.spoolmail.exits.mail.ContentType;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.MimePart;
import org.spoolmail.exits.mail.PartBody;

/**
 * SIZE= (RFC 1870 section 4) is measured without encoding binary parts (MessageWriter.measure) and still equals the
 * octets the relay receives once the dot-stuffing is undone (RFC 5321 section 4.5.2).
 */
class SizeDeclarationTest {

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

    @ParameterizedTest(name = "binary part of {0} octets")
    @ValueSource(ints = {0, 1, 56, 57, 58, 1000, 100_000})
    void processShouldDeclareTheOctetsSentWhenMultipartWithBinaryPart(int octets) throws Exception {
        MailObject mail = mail(MimePart.multipart(ContentType.parse("multipart/mixed"), List.of(
                text(".leading dot\nGr\u00fc\u00dfe\n"), binary(octets))));

        stages.start(relay.port(), Map.of()).process(mail);

        assertEquals("MAIL FROM:<batch@example.com> SIZE=" + unstuffed().length + " BODY=8BITMIME",
                relay.commands().get(1));
    }

    @ParameterizedTest(name = "binary root of {0} octets")
    @ValueSource(ints = {0, 1, 56, 57, 58, 1000, 100_000})
    void processShouldDeclareTheOctetsSentWhenBinaryRoot(int octets) throws Exception {
        stages.start(relay.port(), Map.of()).process(mail(binary(octets)));

        assertEquals("MAIL FROM:<batch@example.com> SIZE=" + unstuffed().length, relay.commands().get(1));
    }

    private static MailObject mail(MimePart root) {
        MailObject base = MailObjects.builder().from("batch@example.com").to("a@example.com")
                .header("From", "batch@example.com").header("Subject", "Attachment").build();
        return base.withContent(base.content().withRoot(root));
    }

    private static MimePart binary(int octets) {
        byte[] data = new byte[octets];
        new Random(octets).nextBytes(data);
        return MimePart.leaf(ContentType.parse("application/octet-stream"), Optional.empty(),
                new PartBody.Binary(ContentHandle.ofBytes(data)));
    }

    private static MimePart text(String text) {
        return MimePart.leaf(ContentType.parse("text/plain"), Optional.empty(),
                new PartBody.Text(ContentHandle.ofBytes(text.getBytes(StandardCharsets.UTF_8)),
                        StandardCharsets.UTF_8));
    }

    /** The data as received without the terminator and with one '.' taken from each line that starts with one. */
    private byte[] unstuffed() {
        byte[] data = relay.data().get(0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean lineStart = true;
        int end = data.length - ".\r\n".length();
        for (int i = 0; i < end; i++) {
            if (!(lineStart && data[i] == '.')) {
                out.write(data[i]);
            }
            lineStart = data[i] == '\n';
        }
        return out.toByteArray();
    }
}
