package org.spoolmail.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The same corpus inputs delivered by {@code deliver-smtp} to a real SMTP server (GreenMail) and by
 * {@code deliver-outbox}: the server receives the same envelope, header fields and body the outbox got. The two
 * pipelines differ only in the deliver stage's {@code use:}, so switching where mail goes needs no rebuild.
 */
class SendToSmtpIT {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path outboxRun;
    @TempDir
    Path smtpRun;

    @ParameterizedTest
    @CsvSource({
        "seed-example.smtp, 819, lf, example.com, 1",
        "lowercase-no-terminator.smtp, 819, lf, example.com, 1",
        "payroll-fb80-ibm1047.bin, 1047, fb:80, example.com, 2",
        "inventory-no-separator.smtp, 819, lf, example.com, 1"})
    void sendShouldDeliverWhatTheOutboxGetsWhenTheDeliverStageIsSmtp(String file, String ccsid, String records,
            String domain, int recipientsAtDomain) throws Exception {
        // One plugins folder of its own for both runs: only the deliver stage's use: differs between them.
        String plugins = SpoolmailRun.pluginsCopy(outboxRun).toString();
        SpoolmailRun toOutbox = SpoolmailRun.send(PipelineFiles.write(outboxRun, PipelineFiles.outbox(), ""),
                "--plugins", plugins, "--codepage", ccsid, "--records", records,
                SpoolmailRun.corpus(outboxRun, file).toString());
        SpoolmailRun toSmtp = SpoolmailRun.send(PipelineFiles.write(smtpRun, PipelineFiles.smtp(port()), ""),
                "--plugins", plugins, "--codepage", ccsid, "--records", records,
                SpoolmailRun.corpus(smtpRun, file).toString());

        assertEquals(CorpusOutcomes.conditionCode(file), toOutbox.code, toOutbox.toString());
        assertEquals(CorpusOutcomes.conditionCode(file), toSmtp.code, toSmtp.toString());
        assertEquals(List.of(), SpoolmailRun.files(smtpRun.resolve("outbox"), ".eml"));
        MimeMessage outbox = Messages.parse(SpoolmailRun.files(outboxRun.resolve("outbox"), ".eml").get(0));
        MimeMessage[] received = smtp.getReceivedMessages();
        int expected = (int) Files.readAllLines(SpoolmailRun.files(outboxRun.resolve("outbox"), ".envelope").get(0))
                .stream().filter(l -> l.startsWith("RCPT TO:")).count();
        assertEquals(expected, received.length);
        if (!domain.isEmpty() && recipientsAtDomain > 0 && file.startsWith("payroll")) {
            assertEquals(recipientsAtDomain, smtp.getReceivedMessagesForDomain(domain).length);
        }
        MimeMessage got = Messages.crossChecked(received[0]);
        String reversePath = Files.readAllLines(SpoolmailRun.files(outboxRun.resolve("outbox"), ".envelope").get(0))
                .get(0).substring("MAIL FROM:".length());
        assertEquals(reversePath, got.getHeader("Return-Path")[0]);
        for (String name : List.of("Subject", "From", "To", "Cc", "MIME-Version", "Content-Transfer-Encoding")) {
            assertArrayEquals(outbox.getHeader(name), got.getHeader(name), name);
        }
        // Two runs, two mail objects: each gets its own Message-ID and Date, in the same shape.
        assertEquals(outbox.getHeader("Message-ID")[0].replaceAll("\\.[0-9a-f]+@", "@").substring(15),
                got.getHeader("Message-ID")[0].replaceAll("\\.[0-9a-f]+@", "@").substring(15));
        assertEquals(1, got.getHeader("Date").length);
        assertArrayEquals(outbox.getRecipients(Message.RecipientType.TO), got.getRecipients(Message.RecipientType.TO));
        // GreenMail stores the data without the CRLF that ends its last line (it takes it as part of the
        // terminator); the deliver-smtp tests check the exact octets on the wire against a scripted server.
        assertEquals(withoutFinalEmptyLine(Messages.textLines(outbox)), withoutFinalEmptyLine(Messages.textLines(got)));
        assertEquals(Messages.leaves(outbox).size(), Messages.leaves(got).size());
    }

    @Test
    void sendShouldDeliverEachTransactionSeparatelyWhenTheStreamHoldsTwo() throws Exception {
        SpoolmailRun run = SpoolmailRun.send(PipelineFiles.write(smtpRun, PipelineFiles.smtp(port()), ""),
                SpoolmailRun.corpus(smtpRun, "claims-rset-multi.smtp").toString());

        assertEquals(0, run.code, run.toString());
        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(2, received.length);
        assertEquals("<BATCH@NODE1.example.com>", received[0].getHeader("Return-Path")[0]);
        assertEquals("<BATCH@NODE1.example.com>", received[1].getHeader("Return-Path")[0]);
        assertEquals(1, smtp.getUserManager().getUserByEmail("claims.advisor@example.com") == null ? 0 : 1);
        assertEquals(1, smtp.getUserManager().getUserByEmail("underwriting@example.com") == null ? 0 : 1);
        assertEquals(java.util.Set.of("Le dossier 4471 a été validé par le service.",
                "La police 8812 arrive à échéance le 31/12."), java.util.Set.of(
                        Messages.textLines(received[0]).get(0), Messages.textLines(received[1]).get(0)));
    }

    private static List<String> withoutFinalEmptyLine(List<String> lines) {
        return !lines.isEmpty() && lines.get(lines.size() - 1).isEmpty() ? lines.subList(0, lines.size() - 1) : lines;
    }

    private static int port() {
        return smtp.getSmtp().getPort();
    }
}
