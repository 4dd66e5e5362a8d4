package org.spoolmail.plugins.parse.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.InputLocation;
import org.spoolmail.exits.mail.MailInput;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.RecordFormat;

/** Command and header records are decoded strictly: text in another code page is refused, never garbled. */
class SmtpDatastreamParserCodePageTest {

    private static final String HINT = " (is the input in another code page? see --codepage)";

    @TempDir
    Path base;

    @Test
    void parseShouldRefuseLatin1HeaderWhenReadAsUtf8() throws Exception {
        MailInput input = input(StandardCharsets.ISO_8859_1, Ccsid.UTF_8, "HELO NODE1", "MAIL FROM:<a@example.com>",
                "RCPT TO:<b@example.com>", "DATA", "Subject: Gr\u00fc\u00dfe aus M\u00fcnchen", "", "text", ".");

        PermanentStageException e = refused(input);

        assertEquals("job.smtp record 5: octet x'FC' at column 12 is not valid text in CCSID 1208 (UTF-8)" + HINT,
                e.getMessage());
        assertEquals(Optional.of(new InputLocation("job.smtp", 5)), e.location());
    }

    @Test
    void parseShouldRefuseUtf8CommandWhenReadAsUsAscii() throws Exception {
        MailInput input = input(StandardCharsets.UTF_8, Ccsid.US_ASCII, "HELO NODE1",
                "MAIL FROM:<m\u00fcller@example.com>");

        PermanentStageException e = refused(input);

        assertEquals("job.smtp record 2: octet x'C3' at column 13 is not valid text in CCSID 367 (US-ASCII)" + HINT, e.getMessage());
    }

    @Test
    void parseShouldReadUtf8HeaderAsUnicodeWhenInputIsUtf8() throws Exception {
        MailInput input = input(StandardCharsets.UTF_8, Ccsid.UTF_8, "HELO NODE1", "MAIL FROM:<a@example.com>",
                "RCPT TO:<b@example.com>", "DATA", "Subject: Gr\u00fc\u00dfe", "", "Gr\u00fc\u00dfe", ".");

        MailObject mail = Inputs.parser(Map.of(), base).parse(input).get(0);

        assertEquals(Optional.of("Gr\u00fc\u00dfe"), mail.content().headers().first("Subject"));
    }

    @Test
    void parseShouldLeaveDataLinesToCodepageTranslateWhenTheyStartWithADot() throws Exception {
        MailInput input = input(StandardCharsets.ISO_8859_1, Ccsid.UTF_8, "HELO NODE1", "MAIL FROM:<a@example.com>",
                "RCPT TO:<b@example.com>", "DATA", "Subject: x", "", "..\u00fc", ".");

        List<MailObject> mail = Inputs.parser(Map.of(), base).parse(input);

        assertEquals(1, mail.size());
    }

    private MailInput input(java.nio.charset.Charset written, Ccsid read, String... lines) {
        byte[] data = (String.join("\n", lines) + "\n").getBytes(written);
        return Inputs.bytes("job.smtp", data, read, RecordFormat.LF);
    }

    private PermanentStageException refused(MailInput input) throws Exception {
        SmtpDatastreamParser parser = Inputs.parser(Map.of(), base);
        return assertThrows(PermanentStageException.class, () -> parser.parse(input));
    }
}
