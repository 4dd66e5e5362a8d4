package org.spoolmail.plugins.audit.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spoolmail.exits.StageContext;
import org.spoolmail.exits.StageException;
import org.spoolmail.exits.TransientStageException;
import org.spoolmail.exits.fake.FakeStageContext;
import org.spoolmail.exits.fake.MailObjects;
import org.spoolmail.exits.mail.Attributes;
import org.spoolmail.exits.mail.ContentHandle;
import org.spoolmail.exits.mail.ContentType;
import org.spoolmail.exits.mail.Disposition;
import org.spoolmail.exits.mail.ForwardPath;
import org.spoolmail.exits.mail.HeaderSection;
import org.spoolmail.exits.mail.Identity;
import org.spoolmail.exits.mail.IdentityFact;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.MimePart;
import org.spoolmail.exits.mail.PartBody;
import org.spoolmail.exits.mail.RecipientResult;
import org.spoolmail.exits.mail.RecordFormat;
import org.spoolmail.exits.mail.RefusedInput;
import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.SmtpReply;
import org.spoolmail.exits.mail.TraceEntry;

class AuditLogObserverTest {

    private static final String DELIVERED_LINE = "{\"time\":\"2026-11-30T09:00:00Z\",\"queue-id\":\"Q0000042\","
            + "\"message-id\":\"<20261130.PR01@example.com>\",\"outcome\":\"DELIVERED\",\"reason\":\"\","
            + "\"hold-cause\":null,\"condition-code\":4,\"held-in\":null,"
            + "\"identity\":{\"user-id\":{\"value\":\"BATCH1\",\"established\":true},"
            + "\"job-name\":{\"value\":\"PAYROLL1\",\"established\":false},"
            + "\"job-id\":{\"value\":\"JOB01234\",\"established\":false},\"program\":null,"
            + "\"system-name\":{\"value\":\"SYS1\",\"established\":true}},"
            + "\"origin\":\"/spool/incoming/PR01.smtp\",\"original-reverse-path\":\"<BATCH1@NODE1>\","
            + "\"reverse-path\":\"<payroll@example.com>\",\"original-from\":\"BATCH1@NODE1\","
            + "\"from\":\"\\\"Payroll\\\" <payroll@example.com>\","
            + "\"recipients\":[{\"address\":\"hr.reports@example.com\",\"status\":\"ACCEPTED\","
            + "\"reply\":\"250 2.1.5 OK\"},{\"address\":\"audit@example.com\",\"status\":\"REFUSED\","
            + "\"reply\":\"550 5.1.1 user unknown\"}],"
            + "\"subject\":\"PAYROLL RUN PR01 - CONTROL TOTALS [WEEK 48]\",\"attachments\":1,\"size-octets\":4711,"
            + "\"reply\":\"250 2.0.0 OK queued as 4Xyz\",\"relay-reply\":\"250 2.0.0 OK queued as 4Xyz\","
            + "\"trace\":[{\"stage\":\"verify-sender\","
            + "\"routine\":\"directory-sender\",\"decision\":\"REPLACE\","
            + "\"reason\":\"BATCH1 sends as payroll@example.com\",\"elapsed-ms\":3},{\"stage\":\"deliver-smtp\","
            + "\"routine\":null,\"decision\":\"DELIVERED\",\"reason\":\"\",\"elapsed-ms\":120}]}\n";

    @TempDir
    Path base;

    private AuditLogObserver observer;

    @AfterEach
    void closeObserver() {
        if (observer != null) {
            observer.close();
        }
    }

    @Test
    void observeShouldWriteTheExactRecordWhenMailWasDelivered() throws Exception {
        observer = observer(Map.of("directory", "audit"));

        observer.observe(deliveredMail(), deliveredDisposition());

        assertEquals(DELIVERED_LINE, Files.readString(base.resolve("audit/audit-2026-11-30.jsonl")));
    }

    @Test
    void observeRefusedShouldWriteTheExactRecordWhenABadSpoolFileWasHeld() throws Exception {
        observer = observer(Map.of("directory", "audit"));

        observer.observeRefused(new RefusedInput("Q0000050", "JOB42", Identity.of("BATCH1", "SYS1", "JOB42"), 120,
                new Ccsid(1047, java.nio.charset.Charset.forName("IBM1047")), RecordFormat.fixed(80),
                "bad spool file: JOB42: record 3: unknown command FROBNICATE", 12, RefusedInput.Action.HELD, Optional.empty()));

        assertEquals("{\"time\":\"2026-11-30T09:00:00Z\",\"queue-id\":\"Q0000050\",\"outcome\":\"HELD\","
                + "\"reason\":\"bad spool file: JOB42: record 3: unknown command FROBNICATE\",\"condition-code\":12,"
                + "\"operator\":null,\"identity\":{\"user-id\":{\"value\":\"BATCH1\",\"established\":true},"
                + "\"job-name\":null,\"job-id\":null,\"program\":null,"
                + "\"system-name\":{\"value\":\"SYS1\",\"established\":true}},\"origin\":\"JOB42\","
                + "\"size-octets\":120,\"ccsid\":1047,\"records\":\"fb:80\"}\n",
                Files.readString(base.resolve("audit/audit-2026-11-30.jsonl")));
    }

    @Test
    void observeShouldMarkRecipientsNotAttemptedWhenAnExitRejected() throws Exception {
        observer = observer(Map.of("directory", "audit"));
        MailObject mail = MailObjects.builder().id("Q0000043").from("ops@example.com").build();
        SmtpReply reply = SmtpReply.of(550, "5.7.1", "BATCH1 is not authorised to send as ops@example.com");

        observer.observe(mail, Disposition.rejected("BATCH1 is not authorised to send as ops@example.com", reply));

        assertEquals("{\"time\":\"2026-11-30T09:00:00Z\",\"queue-id\":\"Q0000043\",\"message-id\":null,"
                + "\"outcome\":\"REJECTED\",\"reason\":\"BATCH1 is not authorised to send as ops@example.com\","
                + "\"hold-cause\":null,\"condition-code\":null,\"held-in\":null,"
                + "\"identity\":{\"user-id\":{\"value\":\"BATCH1\",\"established\":true},"
                + "\"job-name\":null,\"job-id\":null,\"program\":null,"
                + "\"system-name\":{\"value\":\"SYS1\",\"established\":true}},\"origin\":\"test\","
                + "\"original-reverse-path\":\"<ops@example.com>\",\"reverse-path\":\"<ops@example.com>\","
                + "\"original-from\":null,\"from\":null,\"recipients\":[{\"address\":\"recipient@example.org\","
                + "\"status\":\"NOT-ATTEMPTED\",\"reply\":null}],\"subject\":null,\"attachments\":0,"
                + "\"size-octets\":" + mail.content().bodySizeOctets() + ","
                + "\"reply\":\"550 5.7.1 BATCH1 is not authorised to send as ops@example.com\","
                + "\"relay-reply\":null,"
                + "\"trace\":[]}\n", Files.readString(base.resolve("audit/audit-2026-11-30.jsonl")));
    }

    @Test
    void observeShouldListADroppedRecipientWithItsRoutineAndReasonWhenAnExitDroppedIt() throws Exception {
        observer = observer(Map.of("directory", "audit"));
        MailObject mail = MailObjects.builder().to("a@example.com").build()
                .withAttributes(Attributes.EMPTY.with("original-forward-paths", "<a@example.com>,<x@gmail.com>")
                        .with("dropped-by:<x@gmail.com>", "domain-policy: recipient domain gmail.com is not allowed"))
                .withTrace(new TraceEntry("verify-recipients", Optional.of("domain-policy"), "REPLACE",
                        "recipient domain gmail.com is not allowed (dropped <x@gmail.com>)", Duration.ZERO));

        observer.observe(mail, Disposition.delivered(List.of(new RecipientResult(ForwardPath.parse("a@example.com"),
                RecipientResult.Status.ACCEPTED, Optional.empty())), Optional.empty()));

        String line = Files.readString(base.resolve("audit/audit-2026-11-30.jsonl"));
        assertTrue(line.contains(",\"recipients\":[{\"address\":\"a@example.com\",\"status\":\"ACCEPTED\","
                + "\"reply\":null},{\"address\":\"x@gmail.com\",\"status\":\"DROPPED\",\"reply\":null,"
                + "\"routine\":\"domain-policy\",\"reason\":\"recipient domain gmail.com is not allowed\"}],"), line);
    }

    @Test
    void observeShouldTakeRoutineAndReasonFromTheDroppedByAttributeWhenTheTraceTextNamesAnotherPath() throws Exception {
        observer = observer(Map.of("directory", "audit"));
        MailObject mail = MailObjects.builder().to("a@example.com").build()
                .withAttributes(Attributes.EMPTY.with("original-forward-paths", "<a@example.com>,<x@gmail.com>")
                        .with("dropped-by:<x@gmail.com>", "domain-policy: gmail.com: not an allowed domain"))
                .withTrace(new TraceEntry("verify-recipients", Optional.of("domain-policy"), "REPLACE",
                        "gmail.com: not an allowed domain (dropped <x@gmail.com>)", Duration.ZERO))
                .withTrace(new TraceEntry("verify-recipients", Optional.of("later"), "REPLACE",
                        "quoted an earlier note (dropped <x@gmail.com>)", Duration.ZERO));

        observer.observe(mail, Disposition.delivered(List.of(new RecipientResult(ForwardPath.parse("a@example.com"),
                RecipientResult.Status.ACCEPTED, Optional.empty())), Optional.empty()));

        String line = Files.readString(base.resolve("audit/audit-2026-11-30.jsonl"));
        assertTrue(line.contains("{\"address\":\"x@gmail.com\",\"status\":\"DROPPED\",\"reply\":null,"
                + "\"routine\":\"domain-policy\",\"reason\":\"gmail.com: not an allowed domain\"}],"), line);
    }

    @Test
    void observeShouldNameAStageWhenARecipientLeftTheEnvelopeWithoutDroppedByAttribute() throws Exception {
        observer = observer(Map.of("directory", "audit"));
        MailObject mail = MailObjects.builder().to("a@example.com").build()
                .withAttributes(Attributes.EMPTY.with("original-forward-paths", "<a@example.com>,<x@gmail.com>"))
                .withTrace(new TraceEntry("verify-recipients", Optional.of("domain-policy"), "REPLACE",
                        "recipient domain gmail.com is not allowed (dropped <x@gmail.com>)", Duration.ZERO));

        observer.observe(mail, Disposition.delivered(List.of(new RecipientResult(ForwardPath.parse("a@example.com"),
                RecipientResult.Status.ACCEPTED, Optional.empty())), Optional.empty()));

        String line = Files.readString(base.resolve("audit/audit-2026-11-30.jsonl"));
        assertTrue(line.contains("{\"address\":\"x@gmail.com\",\"status\":\"DROPPED\",\"reply\":null,"
                + "\"routine\":\"a stage\",\"reason\":\"removed from the envelope\"}],"), line);
    }

    @Test
    void observeShouldRecordTheHoldCauseAndNullPathWhenItemIsHeld() throws Exception {
        observer = observer(Map.of("directory", "audit"));
        MailObject mail = MailObjects.builder().nullSender().build();

        observer.observe(mail, Disposition.held(Disposition.HoldCause.EXIT_FAILURE,
                "exit routine slow exceeded its time limit of 5s"));

        String line = Files.readString(base.resolve("audit/audit-2026-11-30.jsonl"));
        assertTrue(line.contains(",\"outcome\":\"HELD\",\"reason\":\"exit routine slow exceeded its time limit of 5s\","
                + "\"hold-cause\":\"EXIT_FAILURE\","), line);
        assertTrue(line.contains(",\"original-reverse-path\":\"<>\",\"reverse-path\":\"<>\","), line);
        assertTrue(line.contains(",\"reply\":null,\"relay-reply\":null,"), line);
    }

    @Test
    void observeShouldEscapeQuotesAndNewlinesAndKeepNonAsciiAsUtf8WhenTextNeedsIt() throws Exception {
        observer = observer(Map.of("directory", "audit"));
        MailObject mail = MailObjects.builder().header("Subject", "Lohnbüro \"Übersicht\" – 12 €").build()
                .withTrace(new TraceEntry("verify-sender", Optional.of("x"), "REJECT", "line one\nline \"two\"\u2028",
                        Duration.ZERO));

        observer.observe(mail, Disposition.discarded("test mode"));

        byte[] written = Files.readAllBytes(base.resolve("audit/audit-2026-11-30.jsonl"));
        String line = new String(written, StandardCharsets.UTF_8);
        assertTrue(line.contains("\"subject\":\"Lohnbüro \\\"Übersicht\\\" – 12 €\""), line);
        assertTrue(line.contains("\"reason\":\"line one\\u000Aline \\\"two\\\"\\u2028\""), line);
        assertEquals(1, line.split("\n", -1).length - 1, "exactly one line end");
        assertTrue(containsBytes(written, "büro".getBytes(StandardCharsets.UTF_8)), "ü as UTF-8 C3 BC");
    }

    @Test
    void observeShouldAppendRecordsInOrderWhenCalledTwice() throws Exception {
        observer = observer(Map.of("directory", "audit", "fsync", "false"));
        observer.observe(MailObjects.builder().id("FIRST").build(), Disposition.discarded("one"));
        observer.close();
        observer = observer(Map.of("directory", "audit"));

        observer.observe(MailObjects.builder().id("SECOND").build(), Disposition.discarded("two"));

        List<String> lines = Files.readAllLines(base.resolve("audit/audit-2026-11-30.jsonl"), StandardCharsets.UTF_8);
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).startsWith("{\"time\":\"2026-11-30T09:00:00Z\",\"queue-id\":\"FIRST\","), lines.get(0));
        assertTrue(lines.get(1).startsWith("{\"time\":\"2026-11-30T09:00:00Z\",\"queue-id\":\"SECOND\","), lines.get(1));
    }

    @Test
    void initShouldCreateTheDirectoryWhenItIsMissing() throws StageException {
        observer = observer(Map.of("directory", "logs/audit"));

        assertTrue(Files.isDirectory(base.resolve("logs/audit")));
    }

    @Test
    void observeShouldCreateAnOwnerOnlyFileAndFoldersWhenTheFileSystemHasPosixPermissions() throws Exception {
        Assumptions.assumeTrue(base.getFileSystem().supportedFileAttributeViews().contains("posix"),
                "POSIX permissions only");
        observer = observer(Map.of("directory", "logs/audit"));

        observer.observe(MailObjects.builder().build(), Disposition.discarded("x"));

        assertEquals("rwx------", permissions(base.resolve("logs")));
        assertEquals("rwx------", permissions(base.resolve("logs/audit")));
        assertEquals("rw-------", permissions(base.resolve("logs/audit/audit-2026-11-30.jsonl")));
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void initShouldFailWhenDirectoryIsNotConfigured() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FakeStageContext.of(new AuditLogObserver(), Map.of(), base));

        assertEquals("config.directory: required key is missing (text)", e.getMessage());
    }

    @Test
    void initShouldFailWhenFsyncIsNotABoolean() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FakeStageContext.of(new AuditLogObserver(), Map.of("directory", "a", "fsync", "yes"), base));

        assertEquals("config.fsync: 'yes' is not allowed (expected true or false)", e.getMessage());
    }

    @Test
    void observeShouldThrowTransientWhenTheFileCannotBeWritten() throws Exception {
        observer = observer(Map.of("directory", "audit"));
        Path blocked = Files.createDirectories(base.resolve("audit/audit-2026-11-30.jsonl"));

        TransientStageException e = assertThrows(TransientStageException.class,
                () -> observer.observe(MailObjects.builder().build(), Disposition.discarded("x")));

        assertTrue(e.getMessage().startsWith("audit record of TEST0001 cannot be written to " + blocked + ": "),
                e.getMessage());
    }

    @Test
    void observeShouldRefuseAndLeaveTheTargetAloneWhenASymbolicLinkIsPlantedAsTheDaysFile() throws Exception {
        observer = observer(Map.of("directory", "audit"));
        Path victim = Files.writeString(base.resolve("profile"), "export PATH=/usr/bin\n");
        Path link = Files.createSymbolicLink(base.resolve("audit/audit-2026-11-30.jsonl"), victim);

        TransientStageException e = assertThrows(TransientStageException.class,
                () -> observer.observe(deliveredMail(), deliveredDisposition()));

        assertEquals("audit record of Q0000042 cannot be written to " + link + ": audit file "
                + link + " is a symbolic link: refusing to follow it (someone who can write the audit folder planted"
                + " it; remove it and check the folder's permissions)", e.getMessage());
        assertEquals("export PATH=/usr/bin\n", Files.readString(victim));
    }

    @Test
    void observeShouldRefuseADanglingSymbolicLinkInsteadOfCreatingItsTarget() throws Exception {
        observer = observer(Map.of("directory", "audit"));
        Path target = base.resolve("elsewhere.jsonl");
        Files.createSymbolicLink(base.resolve("audit/audit-2026-11-30.jsonl"), target);

        assertThrows(TransientStageException.class, () -> observer.observe(deliveredMail(), deliveredDisposition()));

        assertFalse(Files.exists(target));
    }

    static MailObject deliveredMail() throws IOException {
        Identity identity = new Identity(IdentityFact.established("BATCH1"),
                Optional.of(IdentityFact.claimed("PAYROLL1")), Optional.of(IdentityFact.claimed("JOB01234")),
                Optional.empty(), IdentityFact.established("SYS1"), "/spool/incoming/PR01.smtp");
        MailObject mail = MailObjects.builder().id("Q0000042").from("payroll@example.com")
                .to("hr.reports@example.com").to("audit@example.com")
                .header("From", "\"Payroll\" <payroll@example.com>")
                .header("Subject", "PAYROLL RUN PR01 - CONTROL TOTALS [WEEK 48]")
                .header("Message-ID", "<20261130.PR01@example.com>")
                .identity(identity).build();
        MimePart text = mail.content().root();
        MimePart csv = MimePart.leaf(ContentType.OCTET_STREAM, Optional.empty(),
                new PartBody.Binary(ContentHandle.ofBytes(new byte[100])))
                .withHeaders(HeaderSection.EMPTY.with("Content-Disposition", "attachment; filename=TOTALS.CSV"));
        MimePart root = MimePart.multipart(ContentType.parse("multipart/mixed; boundary=b1"), List.of(text, csv));
        return mail.withContent(mail.content().withRoot(root))
                .withAttributes(Attributes.EMPTY.with("original-reverse-path", "<BATCH1@NODE1>")
                        .with("original-from", "BATCH1@NODE1").with("condition-code", "4")
                        .with("size-octets", "4711").with("relay-reply", "250 2.0.0 OK queued as 4Xyz"))
                .withTrace(new TraceEntry("verify-sender", Optional.of("directory-sender"), "REPLACE",
                        "BATCH1 sends as payroll@example.com", Duration.ofMillis(3)))
                .withTrace(new TraceEntry("deliver-smtp", Optional.empty(), "DELIVERED", "",
                        Duration.ofMillis(120)));
    }

    static Disposition deliveredDisposition() {
        return Disposition.delivered(List.of(
                new RecipientResult(ForwardPath.parse("hr.reports@example.com"), RecipientResult.Status.ACCEPTED,
                        Optional.of(SmtpReply.of(250, "2.1.5", "OK"))),
                new RecipientResult(ForwardPath.parse("audit@example.com"), RecipientResult.Status.REFUSED,
                        Optional.of(SmtpReply.of(550, "5.1.1", "user unknown")))),
                Optional.of(SmtpReply.of(250, "2.0.0", "OK queued as 4Xyz")));
    }

    @Test
    void observeShouldWriteToTheDayOfTheClockInUtcWhenLocalDateDiffers() throws Exception {
        observer = new AuditLogObserver();
        Clock lateEvening = Clock.fixed(Instant.parse("2026-11-30T23:30:00Z"), ZoneId.of("Europe/Berlin"));
        StageContext fake = FakeStageContext.of(observer, Map.of("directory", "audit"), base);
        observer.init(new ClockedContext(fake, lateEvening));

        observer.observe(MailObjects.builder().build(), Disposition.discarded("x"));

        assertTrue(Files.readString(base.resolve("audit/audit-2026-11-30.jsonl"))
                .startsWith("{\"time\":\"2026-11-30T23:30:00Z\","));
        assertFalse(Files.exists(base.resolve("audit/audit-2026-12-01.jsonl")));
    }

    private AuditLogObserver observer(Map<String, Object> config) throws StageException {
        AuditLogObserver created = new AuditLogObserver();
        created.init(FakeStageContext.of(created, config, base));
        return created;
    }

    private static boolean containsBytes(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Test
    void observeShouldNeverWriteTheBodyWhenRecordingAMail() throws Exception {
        observer = observer(Map.of("directory", "audit"));

        observer.observe(MailObjects.builder().body("NET PAY TOTAL 1234567.89").build(), Disposition.discarded("x"));

        String line = Files.readString(base.resolve("audit/audit-2026-11-30.jsonl"));
        assertTrue(!line.contains("NET PAY") && !line.contains("1234567"), line);
    }
}
