package org.spoolmail.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.mail.internet.MimeMessage;

/**
 * The outcomes ../shared/corpus/README.md lists for each corpus datastream, asserted with exact values on what
 * {@code deliver-outbox} wrote: the envelope file, and the message read by Angus Mail and mime4j together.
 */
final class CorpusOutcomes {

    private final Path outbox;

    CorpusOutcomes(Path outbox) {
        this.outbox = outbox;
    }

    /**
     * @param file a corpus file name
     * @return the condition code {@code send} ends with: 4 for the datastreams whose data runs to the end of the
     *     input with no "." and no QUIT (the message may be cut short, and send says so), else 0
     */
    static int conditionCode(String file) {
        return file.equals("lowercase-no-terminator.smtp") || file.equals("inventory-no-separator.smtp") ? 4 : 0;
    }

    /** Asserts the README's outcome of the named corpus file. */
    void assertFor(String file) throws Exception {
        switch (file) {
            case "seed-example.smtp" -> seed();
            case "lowercase-no-terminator.smtp" -> lowercase();
            case "payroll-fb80-ibm1047.bin" -> payroll();
            case "claims-rset-multi.smtp" -> claims();
            case "inventory-no-separator.smtp" -> inventory();
            default -> throw new IllegalArgumentException(file);
        }
    }

    private void seed() throws Exception {
        assertEquals(List.of("MAIL FROM:<foo@bar.com>\nRCPT TO:<wayne@bar.com>\n"), envelopes());
        ParsedMail m = ParsedMail.of(eml(0));
        assertEquals("DAILY REPORT OF DISK UTILIZATION", m.subject());
        assertEquals(List.of("\"Commissioner Gordon\" <foo@bar.com>"), m.from());
        assertEquals(List.of("\"Bruce Wayne\" <wayne@bar.com>"), m.to());
        assertText(m, "Please fix the bulb in the searchlight");
    }

    private void lowercase() throws Exception {
        assertEquals(List.of("MAIL FROM:<ops.batch@example.com>\nRCPT TO:<storage.team@example.com>\n"), envelopes());
        ParsedMail m = ParsedMail.of(eml(0));
        assertEquals("Nightly volume backup finished", m.subject());
        assertEquals(List.of("\"Operations Batch\" <ops.batch@example.com>"), m.from());
        assertEquals(List.of("\"\" <storage.team@example.com>"), m.to());
        assertArrayEquals(new String[] {"Mon, 07 Sep 98 02:15:00 PST"}, message(0).getHeader("Date"));
        assertText(m, "The nightly full-volume dump completed.", "Volumes processed: 42   Tracks copied: 1,204,117",
                "If this mail does not arrive, check the writer name and SYSOUT class.");
    }

    private void payroll() throws Exception {
        assertEquals(List.of("MAIL FROM:<payroll.batch@example.com>\nRCPT TO:<hr.reports@example.com>\n"
                + "RCPT TO:<audit@example.com>\n"), envelopes());
        ParsedMail m = ParsedMail.of(eml(0));
        assertEquals("PAYROLL RUN PR01 - CONTROL TOTALS [WEEK 48]", m.subject());
        assertEquals(List.of("\"Payroll Batch\" <payroll.batch@example.com>"), m.from());
        assertEquals(List.of("\"\" <hr.reports@example.com>"), m.to());
        assertEquals(List.of("\"\" <audit@example.com>"), m.cc());
        assertText(m, "PAYROLL CONTROL TOTALS {RUN PR01}", "EMPLOYEES PAID ........ 1,482",
                "GROSS AMOUNT .......... 2,114,905.17", ".", "..", ".HIDDEN LINE STARTS WITH ONE DOT AFTER UNSTUFFING",
                "END OF REPORT | STATUS=OK ^ #48 ~ \\ !");
    }

    private void claims() throws Exception {
        assertEquals(List.of("MAIL FROM:<BATCH@NODE1.example.com>\nRCPT TO:<claims.advisor@example.com>\n",
                "MAIL FROM:<BATCH@NODE1.example.com>\nRCPT TO:<underwriting@example.com>\n"), envelopes());
        // TO: plan advisor is a phrase without an address: no strict parser reads it, so Angus Mail alone.
        assertEquals("Claim 4471 status changed", message(0).getSubject());
        assertEquals(List.of("Le dossier 4471 a été validé par le service.", ""), Messages.textLines(message(0)));
        assertEquals("Policy 8812 renewal due", message(1).getSubject());
        assertEquals(List.of("La police 8812 arrive à échéance le 31/12.", ""), Messages.textLines(message(1)));
    }

    private void inventory() throws Exception {
        assertEquals(List.of("MAIL FROM:<scm.admin@example.com>\nRCPT TO:<release.team@example.com>\n"), envelopes());
        ParsedMail m = ParsedMail.of(eml(0));
        assertEquals("Element inventory for release 26.4", m.subject());
        assertEquals(List.of("\"SCM Admin\" <scm.admin@example.com>"), m.from());
        assertEquals(List.of("\"\" <release.team@example.com>"), m.to());
        assertEquals(2, m.leaves().size());
        assertEquals("text/plain", m.leaves().get(0).mediaType());
        assertEquals("Attached is the element inventory for the release.\r\n",
                new String(m.leaves().get(0).octets(), StandardCharsets.UTF_8));
        assertEquals("text/csv", m.leaves().get(1).mediaType());
        assertEquals("ELEMENTS.CSV", m.leaves().get(1).filename());
        assertEquals("ELEMENT,TYPE,SYSTEM,SUBSYS,VV.LL,LAST ACTION\r\nPAYCALC,COBOL,FINANCE,PAYROLL,01.07,GENERATE\r\n"
                + "PAYRPT,COBOL,FINANCE,PAYROLL,01.02,MOVE\r\nPAYJCL,JCL,FINANCE,PAYROLL,02.11,ADD\r\n",
                new String(m.leaves().get(1).octets(), StandardCharsets.UTF_8));
    }

    /** Asserts one text/plain leaf holding exactly these lines, each ended by CRLF. */
    static void assertText(ParsedMail m, String... lines) {
        assertEquals(1, m.leaves().size(), "leaf parts");
        assertEquals("text/plain", m.leaves().get(0).mediaType());
        assertEquals(String.join("\r\n", lines) + "\r\n", new String(m.leaves().get(0).octets(),
                StandardCharsets.UTF_8));
    }

    /** @return the envelope files' contents, in queue order */
    List<String> envelopes() throws Exception {
        List<String> envelopes = new java.util.ArrayList<>();
        for (Path p : SpoolmailRun.files(outbox, ".envelope")) {
            envelopes.add(Files.readString(p, StandardCharsets.UTF_8));
        }
        return envelopes;
    }

    byte[] eml(int index) throws Exception {
        return Files.readAllBytes(SpoolmailRun.files(outbox, ".eml").get(index));
    }

    MimeMessage message(int index) throws Exception {
        return Messages.parseWithAngusOnly(SpoolmailRun.files(outbox, ".eml").get(index));
    }
}
