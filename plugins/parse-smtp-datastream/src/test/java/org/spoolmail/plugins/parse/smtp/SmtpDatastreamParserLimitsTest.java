package org.spoolmail.plugins.parse.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.InputLocation;
import org.spoolmail.exits.mail.MailInput;
import org.spoolmail.exits.mail.RecordFormat;

/** Inputs that would take unbounded memory are refused with their file and record. */
class SmtpDatastreamParserLimitsTest {

    @TempDir
    Path base;

    @Test
    void parseShouldRefuseNamingFileAndRecordWhenALineIsLongerThanOneMebibyte() throws Exception {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes("HELO NODE1\nMAIL FROM:<a@example.com>\n".getBytes(StandardCharsets.US_ASCII));
        data.writeBytes("x".repeat(2 << 20).getBytes(StandardCharsets.US_ASCII));
        MailInput input = Inputs.bytes("job.smtp", data.toByteArray(), Ccsid.ISO_8859_1, RecordFormat.LF);

        PermanentStageException e = assertThrows(PermanentStageException.class,
                () -> Inputs.parser(Map.of(), base).parse(input));

        assertEquals("job.smtp: record 3 is longer than 1048576 octets", e.getMessage());
        assertEquals(Optional.of(new InputLocation("job.smtp", 3)), e.location());
    }

    @Test
    void parseShouldRefuseNamingTheRecordWhenTheHeaderSectionPassesTheDefault256KiB() throws Exception {
        StringBuilder text = new StringBuilder("HELO NODE1\nMAIL FROM:<a@example.com>\nRCPT TO:<b@example.com>\nDATA\n");
        text.append("Subject: many lines\n");
        for (int i = 0; i < 3000; i++) {
            text.append(" ").append("y".repeat(99)).append('\n');
        }
        MailInput input = Inputs.bytes("job.smtp", text.toString().getBytes(StandardCharsets.US_ASCII),
                Ccsid.ISO_8859_1, RecordFormat.LF);

        PermanentStageException e = assertThrows(PermanentStageException.class,
                () -> Inputs.parser(Map.of(), base).parse(input));

        // 19 octets of Subject, then 100 per continuation line: record 5 + 2622 passes 262144
        assertEquals("job.smtp record 2627: the header section is longer than max-header-octets 262144",
                e.getMessage());
    }

    @Test
    void parseShouldRefuseWhenTheHeaderSectionPassesAConfiguredLimit() throws Exception {
        MailInput input = Inputs.ascii("job.smtp", "MAIL FROM:<a@example.com>", "RCPT TO:<b@example.com>", "DATA",
                "From: a@example.com", "Subject: " + "z".repeat(1000), "", "text", ".");

        PermanentStageException e = assertThrows(PermanentStageException.class,
                () -> Inputs.parser(Map.of("max-header-octets", "1KiB"), base).parse(input));

        assertEquals("job.smtp record 5: the header section is longer than max-header-octets 1024", e.getMessage());
    }
}
