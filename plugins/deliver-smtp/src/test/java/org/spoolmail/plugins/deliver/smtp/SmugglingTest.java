package org.spoolmail.plugins.deliver.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.spoolmail.exits.fake.MailObjects;
import org.spoolmail.exits.mail.ContentHandle;
import org.spoolmail.exits.mail.ContentType;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.MimePart;
import org.spoolmail.exits.mail.PartBody;

/**
 * "Must show" 5: a body holding bare LF, bare CR and the {@code <LF>.<CR><LF>} sequence of SMTP smuggling
 * (CVE-2023-51764/5/6), followed by a would-be second transaction, reaches the relay as exactly one message with
 * CRLF line ends and every lone "." doubled.
 */
class SmugglingTest {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    /** As a careless job might write it: LF, CR, LF.CRLF, a smuggled MAIL FROM, CR.CR, no final line end. */
    private static final String RAW = "one\ntwo\rthree\n.\r\nMAIL FROM:<evil@example.com>\r\nRCPT TO:<victim@example.com>"
            + "\r\nDATA\r\nfour\r\n\r.\rend";

    @TempDir
    Path base;

    private FakeSmtpServer relay;
    private TestStages stages;

    @BeforeEach
    void open() {
        stages = new TestStages(base);
    }

    @AfterEach
    void stop() throws IOException {
        stages.close();
        if (relay != null) {
            relay.close();
        }
    }

    @Test
    void processShouldSendOneMessageWithCrlfOnlyAndDotsDoubledWhenBodyHoldsBareLineEnds() throws Exception {
        relay = new FakeSmtpServer(c -> null);

        stages.start(relay.port(), Map.of()).process(mail());
        stages.close();

        assertEquals("Subject: bare line ends\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: 7bit\r\n"
                + "\r\n"
                + "one\r\ntwo\r\nthree\r\n..\r\nMAIL FROM:<evil@example.com>\r\nRCPT TO:<victim@example.com>\r\n"
                + "DATA\r\nfour\r\n\r\n..\r\nend\r\n.\r\n", new String(relay.data().get(0), StandardCharsets.US_ASCII));
        assertEquals(1, relay.data().size());
        assertEquals(List.of("EHLO", "MAIL", "RCPT", "DATA", "QUIT"),
                relay.commands().stream().map(c -> c.split(" ", 2)[0]).toList());
    }

    @Test
    void processShouldLetGreenMailReceiveExactlyOneMessageWhenBodyHoldsBareLineEnds() throws Exception {
        stages.start(GREEN_MAIL.getSmtp().getPort(), Map.of()).process(mail());

        MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
        assertEquals(1, received.length);
        assertEquals(List.of("a@example.com"),
                GREEN_MAIL.getUserManager().listUser().stream().map(u -> u.getEmail()).toList());
        // GreenMail takes the last CRLF as part of the terminator.
        assertEquals("one\r\ntwo\r\nthree\r\n.\r\nMAIL FROM:<evil@example.com>\r\nRCPT TO:<victim@example.com>\r\n"
                + "DATA\r\nfour\r\n\r\n.\r\nend", received[0].getContent());
    }

    private static MailObject mail() {
        MailObject base = MailObjects.builder().from("batch@example.com").to("a@example.com")
                .header("Subject", "bare line ends").build();
        PartBody body = new PartBody.Text(ContentHandle.ofBytes(RAW.getBytes(StandardCharsets.US_ASCII)),
                StandardCharsets.UTF_8);
        return base.withContent(base.content().withRoot(MimePart.leaf(
                new ContentType("text", "plain", Map.of("charset", "UTF-8")), Optional.empty(), body)));
    }
}
