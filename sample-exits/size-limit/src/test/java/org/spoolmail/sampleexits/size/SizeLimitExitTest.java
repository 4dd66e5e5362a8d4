package org.spoolmail.sampleexits.size;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.spoolmail.exits.ExitDecision;
import org.spoolmail.exits.fake.FakeStageContext;
import org.spoolmail.exits.fake.MailObjects;
import org.spoolmail.exits.mail.ContentHandle;
import org.spoolmail.exits.mail.ContentType;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.MimePart;
import org.spoolmail.exits.mail.PartBody;
import org.spoolmail.exits.mail.SmtpReply;

class SizeLimitExitTest {

    /** "Subject: x" CRLF (12) + empty line (2) + "hello" CRLF (7). */
    private static final long SMALL_MAIL_OCTETS = 21;

    @Test
    void decideShouldContinueWhenTheMessageIsExactlyAtTheLimit() {
        assertEquals(new ExitDecision.Continue("message size 21 octets is within the limit of 21 octets"),
                exit("21B").decide(smallMail()));
    }

    @Test
    void decideShouldRejectWith552WhenTheMessageIsOneOctetOverTheLimit() {
        String text = "message size 21 octets exceeds the limit of 20 octets";

        assertEquals(ExitDecision.reject(SmtpReply.of(552, "5.3.4", text), text), exit("20B").decide(smallMail()));
    }

    @Test
    void decideShouldCountABinaryAttachmentAsBase64WhenMeasuring() {
        MimePart text = smallMail().content().root();
        MimePart binary = MimePart.leaf(ContentType.OCTET_STREAM, Optional.empty(),
                new PartBody.Binary(ContentHandle.ofBytes(new byte[1000])));
        MailObject mail = smallMail().withContent(smallMail().content().withRoot(
                MimePart.multipart(ContentType.parse("multipart/mixed; boundary=b1"), List.of(text, binary))));
        long expected = SMALL_MAIL_OCTETS + 1336 + 2 * 18;
        String reply = "message size " + expected + " octets exceeds the limit of 1024 octets";

        assertEquals(ExitDecision.reject(SmtpReply.of(552, "5.3.4", reply), reply), exit("1KiB").decide(mail));
    }

    @Test
    void initShouldReadTheLimitInOctetsWhenGivenInMebibytes() {
        SizeLimitExit exit = exit("10MiB");

        assertEquals(new ExitDecision.Continue("message size 21 octets is within the limit of 10485760 octets"),
                exit.decide(smallMail()));
    }

    @Test
    void configShouldBeRefusedWhenTheSizeHasNoUnit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FakeStageContext.of(new SizeLimitExit(), Map.of("max-size", "10485760"), Path.of(".")));

        assertEquals("config.max-size: '10485760' is not a size with a unit (512B, 64KiB, 10MiB)"
                + " (expected a size such as 10MiB)", e.getMessage());
    }

    @Test
    void configShouldBeRefusedWhenTheLimitIsMissing() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FakeStageContext.of(new SizeLimitExit(), Map.of(), Path.of(".")));

        assertEquals("config.max-size: required key is missing (a size such as 10MiB)", e.getMessage());
    }

    private static MailObject smallMail() {
        return MailObjects.builder().header("Subject", "x").body("hello").build();
    }

    private static SizeLimitExit exit(String maxSize) {
        SizeLimitExit exit = new SizeLimitExit();
        exit.init(FakeStageContext.of(exit, Map.of("max-size", maxSize), Path.of(".")));
        return exit;
    }
}
