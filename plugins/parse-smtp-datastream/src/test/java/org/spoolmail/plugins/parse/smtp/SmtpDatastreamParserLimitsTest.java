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
}
