package org.spoolmail.sampleexits.attachment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.spoolmail.exits.ExitDecision;
import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.fake.FakeStageContext;
import org.spoolmail.exits.fake.MailObjects;
import org.spoolmail.exits.mail.ContentHandle;
import org.spoolmail.exits.mail.ContentType;
import org.spoolmail.exits.mail.HeaderSection;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.MimePart;
import org.spoolmail.exits.mail.PartBody;
import org.spoolmail.exits.mail.SmtpReply;

class AttachmentPolicyExitTest {

    @Test
    void decideShouldContinueWhenEveryAttachmentIsAllowed() throws Exception {
        AttachmentPolicyExit exit = exit(Map.of("allow-types", List.of("text/*", "application/pdf"),
                "allow-extensions", List.of("csv", ".PDF")));

        assertEquals(new ExitDecision.Continue("2 attachments allowed"), exit.decide(mail(
                attachment("text/csv", "attachment; filename=\"ELEMENTS.CSV\""),
                attachment("application/pdf; name=report.pdf", "inline"))));
    }

    @Test
    void decideShouldContinueWhenTheMessageHasNoAttachment() throws Exception {
        assertEquals(new ExitDecision.Continue("0 attachments allowed"),
                exit(Map.of("max-attachments", "0")).decide(MailObjects.builder().build()));
    }

    @Test
    void decideShouldRejectNamingTheAttachmentWhenItsExtensionIsDenied() throws Exception {
        AttachmentPolicyExit exit = exit(Map.of("deny-extensions", List.of("exe", "bat")));

        assertEquals(reject("attachment 2 \"payload.txt.EXE\": file name extension .exe is not allowed"),
                exit.decide(mail(attachment("text/csv", "attachment; filename=a.csv"),
                        attachment("application/octet-stream", "attachment; filename=payload.txt.EXE"))));
    }

    @Test
    void decideShouldRejectNamingTheAttachmentWhenItsTypeIsNotAllowed() throws Exception {
        AttachmentPolicyExit exit = exit(Map.of("allow-types", List.of("text/*")));

        assertEquals(reject("attachment 1 \"DTAR020.BIN\": content type application/octet-stream is not allowed"),
                exit.decide(mail(attachment("application/octet-stream; name=DTAR020.BIN", "attachment"))));
    }

    @Test
    void decideShouldRejectWhenTheTypeIsDeniedEvenIfAllowedByAWildcard() throws Exception {
        AttachmentPolicyExit exit = exit(Map.of("allow-types", List.of("application/*"),
                "deny-types", List.of("application/x-msdownload")));

        assertEquals(reject("attachment 1 \"setup.zip\": content type application/x-msdownload is not allowed"),
                exit.decide(mail(attachment("application/x-msdownload", "attachment; filename=setup.zip"))));
    }

    @Test
    void decideShouldRejectWhenAnAttachmentHasNoFileNameAndExtensionsAreListed() throws Exception {
        AttachmentPolicyExit exit = exit(Map.of("allow-extensions", List.of("csv")));

        assertEquals(reject("attachment 1 (no file name): a file name without an extension is not allowed"),
                exit.decide(mail(attachment("text/plain", "attachment"))));
    }

    @Test
    void decideShouldRejectWhenADotDeniesNamesWithoutAnExtension() throws Exception {
        AttachmentPolicyExit exit = exit(Map.of("deny-extensions", List.of(".", "exe")));

        assertEquals(reject("attachment 1 \"README\": file name extension . is not allowed"),
                exit.decide(mail(attachment("text/plain", "attachment; filename=README"))));
        assertEquals(new ExitDecision.Continue("1 attachment allowed"),
                exit.decide(mail(attachment("text/plain", "attachment; filename=readme.txt"))));
    }

    @Test
    void initShouldRefuseNamingTheCharacterWhenATypePatternHoldsABlank() {
        AttachmentPolicyExit exit = new AttachmentPolicyExit();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> exit.init(FakeStageContext.of(exit, Map.of("allow-types", List.of("text/ plain")), Path.of("."))));

        assertEquals("address pattern 'text/ plain' holds a blank (U+0020), which no address, domain or name"
                + " may hold", e.getMessage());
    }

    @Test
    void decideShouldRejectWhenThereAreMoreAttachmentsThanAllowed() throws Exception {
        AttachmentPolicyExit exit = exit(Map.of("max-attachments", "1"));

        assertEquals(reject("the message has 2 attachments, more than the 1 allowed"), exit.decide(mail(
                attachment("text/csv", "attachment; filename=a.csv"),
                attachment("text/csv", "attachment; filename=b.csv"))));
    }

    @Test
    void decideShouldFailSoTheItemIsHeldWhenTheMultipartIsNotDividedYet() throws Exception {
        MimePart undivided = MimePart.leaf(ContentType.parse("multipart/mixed; boundary=x"), Optional.empty(),
                new PartBody.Binary(ContentHandle.ofBytes("--x".getBytes(StandardCharsets.US_ASCII))));
        MailObject mail = MailObjects.builder().build();
        mail = mail.withContent(mail.content().withRoot(undivided));
        AttachmentPolicyExit exit = exit(Map.of("max-attachments", "1"));
        MailObject held = mail;

        PermanentStageException e = assertThrows(PermanentStageException.class, () -> exit.decide(held));

        assertEquals("attachment-policy cannot see the attachments: the multipart has not been divided into parts;"
                + " place this exit point after mime-encode", e.getMessage());
    }

    private static ExitDecision reject(String text) {
        return ExitDecision.reject(SmtpReply.of(550, "5.7.1", text), text);
    }

    private static MimePart attachment(String type, String disposition) {
        return new MimePart(ContentType.parse(type), Optional.empty(),
                HeaderSection.EMPTY.with("Content-Disposition", disposition),
                Optional.of(new PartBody.Binary(ContentHandle.ofBytes(new byte[] {1, 2, 3}))), List.of());
    }

    private static MailObject mail(MimePart... attachments) {
        MailObject mail = MailObjects.builder().build();
        List<MimePart> parts = new ArrayList<>(List.of(mail.content().root()));
        parts.addAll(List.of(attachments));
        return mail.withContent(mail.content().withRoot(
                MimePart.multipart(ContentType.parse("multipart/mixed; boundary=b1"), parts)));
    }

    private static AttachmentPolicyExit exit(Map<String, Object> raw) {
        AttachmentPolicyExit exit = new AttachmentPolicyExit();
        exit.init(FakeStageContext.of(exit, raw, Path.of(".")));
        return exit;
    }
}
