package org.spoolmail.plugins.parse.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.spoolmail.exits.MailParser;
import org.spoolmail.exits.contract.MailParserContract;
import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.ContentHandle;
import org.spoolmail.exits.mail.MailInput;
import org.spoolmail.exits.mail.RecordFormat;

/**
 * The parser SPI contract over a card-image deck (CCSID 1047, fixed 80-octet records) of two messages: the
 * documentation's first deck, with symbols, an inline TEXT block and an attached file in CCSID 1047 beside it.
 */
class ControlStatementParserContractTest extends MailParserContract {

    @Override
    protected MailParser newExtension() {
        return new ControlStatementParser();
    }

    @Override
    protected Map<String, Object> validConfig() {
        return Map.of("time-zone", "Europe/Berlin");
    }

    @Override
    protected MailInput sampleInput() throws IOException {
        Ccsid ebcdic = Ccsid.of(1047);
        Files.write(baseDirectory.resolve("totals.txt"), Decks.fixed(ebcdic, 80, "PAYROLL CONTROL TOTALS {RUN PR01}",
                "END OF REPORT |^#~\\!"));
        Path deck = baseDirectory.resolve("MAILDECK.bin");
        Files.write(deck, Decks.fixed(ebcdic, 80,
                "* WEEKLY PAYROLL MAIL",
                "FROM     'PAYROLL BATCH' <PAYROLL@EXAMPLE.COM>",
                "TO       'HR REPORTS' <HR.REPORTS@EXAMPLE.COM>, -",
                "         AUDIT@EXAMPLE.COM",
                "SUBJECT  PAYROLL TOTALS FOR &DATE",
                "TEXT",
                "THE PAYROLL RUN &JOBNAME (&JOBID) HAS ENDED.",
                "ENDTEXT",
                "ATTACH   totals.txt CCSID=1047 RECFM=FB LRECL=80",
                "SEND",
                "FROM     &USERID@EXAMPLE.COM",
                "BCC      OPS@EXAMPLE.COM",
                "SUBJECT  STEP &JOBNAME ENDED AT &TIME",
                "SEND"));
        return new MailInput(deck.toString(), ContentHandle.ofFile(deck), ebcdic, RecordFormat.fixed(80),
                CONTRACT_IDENTITY);
    }
}
