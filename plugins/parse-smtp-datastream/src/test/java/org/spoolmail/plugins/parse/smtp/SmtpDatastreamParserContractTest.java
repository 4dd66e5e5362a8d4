package org.spoolmail.plugins.parse.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import org.spoolmail.exits.MailParser;
import org.spoolmail.exits.contract.MailParserContract;
import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.MailInput;
import org.spoolmail.exits.mail.RecordFormat;

/** The parser SPI contract over the corpus's seed example, the datastream of IBM's documentation. */
class SmtpDatastreamParserContractTest extends MailParserContract {

    @Override
    protected MailParser newExtension() {
        return new SmtpDatastreamParser();
    }

    @Override
    protected Map<String, Object> validConfig() {
        return Map.of("default-domain", "example.com", "max-syntax-errors", "2", "long-lines", "refuse");
    }

    @Override
    protected MailInput sampleInput() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/corpus/seed-example.smtp")) {
            return input("seed-example.smtp", in.readAllBytes(), Ccsid.UTF_8, RecordFormat.LF);
        }
    }
}
