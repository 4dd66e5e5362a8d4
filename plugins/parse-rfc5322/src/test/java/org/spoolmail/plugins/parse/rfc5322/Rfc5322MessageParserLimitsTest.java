package org.spoolmail.plugins.parse.rfc5322;

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
import org.spoolmail.exits.fake.FakeStageContext;
import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.ContentHandle;
import org.spoolmail.exits.mail.Identity;
import org.spoolmail.exits.mail.InputLocation;
import org.spoolmail.exits.mail.MailInput;
import org.spoolmail.exits.mail.RecordFormat;

/** Inputs that would take unbounded memory are refused with their file and record. */
class Rfc5322MessageParserLimitsTest {

    @TempDir
    Path base;

    @Test
    void parseShouldRefuseNamingFileAndRecordWhenALineIsLongerThanOneMebibyte() throws Exception {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes("From: a@example.com\nTo: b@example.com\n\n".getBytes(StandardCharsets.US_ASCII));
        data.writeBytes("x".repeat(2 << 20).getBytes(StandardCharsets.US_ASCII));

        PermanentStageException e = failure(Map.of(), data.toByteArray());

        assertEquals("job.eml: record 4 is longer than 1048576 octets", e.getMessage());
        assertEquals(Optional.of(new InputLocation("job.eml", 4)), e.location());
    }

    @Test
    void parseShouldRefuseNamingTheRecordWhenTheHeaderSectionPassesTheDefault256KiB() throws Exception {
        StringBuilder text = new StringBuilder("From: a@example.com\nTo: b@example.com\nSubject: many lines\n");
        for (int i = 0; i < 3000; i++) {
            text.append(" ").append("y".repeat(99)).append('\n');
        }

        PermanentStageException e = failure(Map.of(), text.toString().getBytes(StandardCharsets.US_ASCII));

        // 19 + 17 + 19 octets, then 100 per continuation line: record 3 + 2621 passes 262144
        assertEquals("job.eml record 2624: the header section is longer than max-header-octets 262144",
                e.getMessage());
    }

    @Test
    void parseShouldRefuseWhenTheHeaderSectionPassesAConfiguredLimit() throws Exception {
        byte[] data = ("From: a@example.com\nSubject: " + "z".repeat(1000) + "\n\ntext\n")
                .getBytes(StandardCharsets.US_ASCII);

        PermanentStageException e = failure(Map.of("max-header-octets", "1KiB"), data);

        assertEquals("job.eml record 2: the header section is longer than max-header-octets 1024", e.getMessage());
    }

    @Test
    void parseShouldRefuseNamingTheFieldWhenToCcAndBccHoldMoreThanTheDefault2000Addresses() throws Exception {
        StringBuilder text = new StringBuilder("From: a@example.com\nTo: r0@example.com\n");
        for (int i = 1; i < 1500; i++) {
            text.append(" ,r").append(i).append("@example.com\n");
        }
        text.append("Subject: many\nBcc: b0@example.com");
        for (int i = 1; i < 501; i++) {
            text.append(", b").append(i).append("@example.com");
        }
        text.append("\n\ntext\n");

        PermanentStageException e = failure(Map.of(), text.toString().getBytes(StandardCharsets.US_ASCII));

        assertEquals("job.eml record 1503: more than max-recipients 2000 addresses in To, Cc and Bcc",
                e.getMessage());
        assertEquals(Optional.of(new InputLocation("job.eml", 1503)), e.location());
    }

    @Test
    void parseShouldRefuseNamingTheCcRecordWhenAConfiguredLimitIsPassed() throws Exception {
        byte[] data = "From: a@example.com\nTo: b@example.com, c@example.com\nCc: b@example.com\n\nx\n"
                .getBytes(StandardCharsets.US_ASCII);

        PermanentStageException e = failure(Map.of("max-recipients", "2"), data);

        assertEquals("job.eml record 3: more than max-recipients 2 addresses in To, Cc and Bcc", e.getMessage());
    }

    private PermanentStageException failure(Map<String, Object> config, byte[] data) throws Exception {
        Rfc5322MessageParser parser = new Rfc5322MessageParser();
        parser.init(FakeStageContext.of(parser, config, base));
        MailInput input = new MailInput("job.eml", ContentHandle.ofBytes(data), Ccsid.ISO_8859_1, RecordFormat.LF,
                Identity.of("BATCH1", "SYS1", "job.eml"));
        return assertThrows(PermanentStageException.class, () -> parser.parse(input));
    }
}
