package org.spoolmail.plugins.parse.rfc5322;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import org.spoolmail.exits.MailParser;
import org.spoolmail.exits.contract.MailParserContract;
import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.MailInput;
import org.spoolmail.exits.mail.RecordFormat;

/** The parser SPI contract over a {@code sendmail -t} message with a folded To, a group in Cc and a Bcc. */
class Rfc5322MessageParserContractTest extends MailParserContract {

    @Override
    protected MailParser newExtension() {
        return new Rfc5322MessageParser();
    }

    @Override
    protected Map<String, Object> validConfig() {
        return Map.of("envelope-sender", "batch@example.com", "max-header-octets", "16KiB");
    }

    @Override
    protected MailInput sampleInput() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/payroll-report.eml")) {
            return input("payroll-report.eml", in.readAllBytes(), Ccsid.UTF_8, RecordFormat.CRLF);
        }
    }
}
