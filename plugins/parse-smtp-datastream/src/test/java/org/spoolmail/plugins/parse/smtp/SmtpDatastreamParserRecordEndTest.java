package org.spoolmail.plugins.parse.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.HeaderField;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.RecordFormat;

/**
 * Records that every one end in x'25', x'15' or x'0D', the shape IBM's CSSMTP refused until APAR PH24561: header
 * records are trimmed like command and body records, not refused as holding a line break.
 */
class SmtpDatastreamParserRecordEndTest {

    @TempDir
    Path base;

    @Test
    void parseShouldTrimRecordEndBytesOfHeaderRecordsWhenEveryRecordEndsSo() throws Exception {
        for (int ccsid : List.of(37, 1047, 273)) {
            for (int end : List.of(0x25, 0x15, 0x0D)) {
                byte[] data = variable(Ccsid.of(ccsid), end, "HELO MVSA", "MAIL FROM:<payroll@example.com>",
                        "RCPT TO:<hr.reports@example.com>", "DATA", "From: Payroll Batch <payroll@example.com>",
                        "To: hr.reports@example.com", "Subject: PAYROLL RUN PR01", "", "CONTROL TOTALS OK", ".",
                        "QUIT");
                String what = "CCSID " + ccsid + " x'" + Integer.toHexString(end) + "'";

                MailObject mail = Inputs.parser(Map.of(), base).parse(Inputs.bytes("payroll.bin", data,
                        Ccsid.of(ccsid), RecordFormat.VARIABLE)).get(0);

                assertEquals(List.of(new HeaderField("From", "Payroll Batch <payroll@example.com>"),
                        new HeaderField("To", "hr.reports@example.com"),
                        new HeaderField("Subject", "PAYROLL RUN PR01")), mail.content().headers().fields(), what);
                assertEquals("[<hr.reports@example.com>]", mail.envelope().forwardPaths().toString(), what);
            }
        }
    }

    @Test
    void parseShouldTrimRecordEndBytesAfterBlankPaddingWhenFixedRecords() throws Exception {
        Ccsid ibm1047 = Ccsid.of(1047);
        byte[] subject = "Subject: PAYROLL RUN PR01    ".getBytes(ibm1047.charset());
        byte[] withEnd = java.util.Arrays.copyOf(subject, subject.length + 2);
        withEnd[subject.length] = 0x0D;
        withEnd[subject.length + 1] = 0x25;
        MailObject mail = Inputs.parser(Map.of(), base).parse(Inputs.cards("payroll.bin", List.of(
                Inputs.ebcdic("MAIL FROM:<payroll@example.com>"), Inputs.ebcdic("RCPT TO:<audit@example.com>"),
                Inputs.ebcdic("DATA"), withEnd, Inputs.ebcdic(""), Inputs.ebcdic("TOTALS"), Inputs.ebcdic("."))))
                .get(0);

        assertEquals(Optional.of("PAYROLL RUN PR01"), mail.content().headers().first("Subject"));
    }

    /** @return the lines in the CCSID as variable records with RDWs, each ending with the octet {@code end} */
    private static byte[] variable(Ccsid ccsid, int end, String... lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String line : lines) {
            byte[] octets = line.getBytes(ccsid.charset());
            int length = octets.length + 5;
            out.write(length >>> 8);
            out.write(length);
            out.write(0);
            out.write(0);
            out.writeBytes(octets);
            out.write(end);
        }
        return out.toByteArray();
    }
}
