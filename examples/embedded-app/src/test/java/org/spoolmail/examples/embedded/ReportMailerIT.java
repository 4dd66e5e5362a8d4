package org.spoolmail.examples.embedded;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.spoolmail.exits.mail.Disposition;
import org.spoolmail.exits.mail.ForwardPath;
import org.spoolmail.exits.mail.RecipientResult;
import org.spoolmail.kernel.api.MailResult;

/**
 * The example application, run as a site runs it: the distribution's plugins folder, its in-code exit routine,
 * and GreenMail as the SMTP relay. The relay receives exactly the envelope, header fields and attachment octets
 * the application asked for.
 */
class ReportMailerIT {

    private static final Path PLUGINS = Path.of(System.getProperty("spoolmail.plugins",
            "../../kernel/target/dist/plugins"));

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path work;

    @Test
    void runShouldDeliverTheReportWithItsAttachmentWhenTheExitAcceptsTheSender() throws Exception {
        byte[] pdf = pdf();
        Path report = Files.write(work.resolve("disk-usage.pdf"), pdf);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int code = ReportMailer.run(new String[] {plugins().toString(), work.toString(), "127.0.0.1",
            Integer.toString(smtp.getSmtp().getPort()), "wayne@example.com", report.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8));

        String line = out.toString(StandardCharsets.UTF_8).strip();
        assertEquals(0, code, line);
        assertTrue(line.matches("\\d{8}T\\d{6}-[0-9a-f]{6}-0001 DELIVERED \\(condition code 0\\)"), line);
        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(2, received.length, "one copy per forward-path: To and Bcc");
        // GreenMail files each copy in the mailbox of the forward-path it came for (RCPT TO, not the To field).
        assertEquals(1, inboxCount("wayne@example.com"));
        assertEquals(1, inboxCount("archive@example.org"));
        for (MimeMessage m : received) {
            assertEquals("<reports@example.com>", m.getHeader("Return-Path")[0]);
            assertEquals("\"Report Service\" <reports@example.com>", m.getHeader("From")[0]);
            assertEquals("wayne@example.com", m.getHeader("To")[0]);
            assertEquals(null, m.getHeader("Bcc"));
            assertEquals("Daily report disk-usage.pdf", m.getSubject());
            assertEquals("REPORTS", m.getHeader("X-Report-Job")[0]);
            assertEquals("1.0", m.getHeader("MIME-Version")[0]);
            assertTrue(m.getHeader("Message-ID")[0].matches("<[^@<>]+@[^@<>]+>"), m.getHeader("Message-ID")[0]);
            Multipart mixed = (Multipart) m.getContent();
            assertTrue(m.getContentType().startsWith("multipart/mixed;"), m.getContentType());
            assertEquals(2, mixed.getCount());
            BodyPart text = mixed.getBodyPart(0);
            assertTrue(text.isMimeType("text/plain"), text.getContentType());
            assertEquals("The daily report is attached.\r\nReply to the service desk with questions.\r\n",
                    text.getContent());
            BodyPart attachment = mixed.getBodyPart(1);
            assertEquals(Part.ATTACHMENT, attachment.getDisposition());
            assertEquals("disk-usage.pdf", attachment.getFileName());
            assertTrue(attachment.isMimeType("application/pdf"), attachment.getContentType());
            assertEquals("base64", attachment.getHeader("Content-Transfer-Encoding")[0]);
            try (InputStream in = attachment.getInputStream()) {
                assertEquals(sha256(pdf), sha256(in.readAllBytes()));
            }
        }
    }

    @Test
    void sendShouldRefuseWithTheExitsReplyAndDeliverNothingWhenTheSenderIsAPerson() throws Exception {
        Path report = Files.write(work.resolve("r.pdf"), pdf());
        try (ReportMailer mailer = new ReportMailer(plugins(), work, "127.0.0.1", smtp.getSmtp().getPort())) {
            MailResult result = mailer.send("wayne@example.com", "boss@example.com", report);

            assertEquals(8, result.conditionCode(), result.toString());
            assertEquals(Disposition.Kind.REJECTED, result.outcome());
            assertEquals("550 5.7.1 this application sends as reports@example.com only",
                    result.reply().orElseThrow().toString());
            assertTrue(result.trace().stream().anyMatch(t -> t.routine().equals(java.util.Optional.of(
                    "report-sender")) && t.decision().equals("REJECT")), result.trace().toString());
            assertEquals(List.of(), result.recipients());
        }
        assertEquals(0, smtp.getReceivedMessages().length);
    }

    @Test
    void sendShouldReportAnAcceptedResultPerForwardPathWhenTheRelayTakesBoth() throws Exception {
        Path report = Files.write(work.resolve("r.pdf"), pdf());
        try (ReportMailer mailer = new ReportMailer(plugins(), work, "127.0.0.1", smtp.getSmtp().getPort())) {
            MailResult result = mailer.send(ReportMailer.REPORT_MAILBOX, "wayne@example.com", report);

            assertEquals(List.of(ForwardPath.parse("wayne@example.com"), ForwardPath.parse("archive@example.org")),
                    result.recipients().stream().map(RecipientResult::recipient).toList());
            assertEquals(List.of(RecipientResult.Status.ACCEPTED, RecipientResult.Status.ACCEPTED),
                    result.recipients().stream().map(RecipientResult::status).toList());
            assertArrayEquals(new String[] {"verify-sender"}, result.trace().stream()
                    .filter(t -> t.decision().equals("ACCEPT")).map(t -> t.stage()).toArray());
        }
    }

    /** A plugins folder of the test's own, as PF4J refuses one that others can write to. */
    private Path plugins() throws Exception {
        Path folder = Files.createDirectories(work.resolve("plugins"));
        try (var jars = Files.list(PLUGINS)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                Files.copy(jar, folder.resolve(jar.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return folder;
    }

    private static byte[] pdf() {
        byte[] octets = new byte[70_000];
        new Random(20261204L).nextBytes(octets);
        byte[] head = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, octets, 0, head.length);
        return octets;
    }

    private static int inboxCount(String address) throws Exception {
        com.icegreen.greenmail.user.GreenMailUser user = smtp.getUserManager().getUserByEmail(address);
        return user == null ? 0 : smtp.getManagers().getImapHostManager().getInbox(user).getMessageCount();
    }

    private static String sha256(byte[] octets) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(octets));
    }
}
