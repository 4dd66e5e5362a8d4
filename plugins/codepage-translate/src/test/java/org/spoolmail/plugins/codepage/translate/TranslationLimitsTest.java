package org.spoolmail.plugins.codepage.translate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.fake.FakeStageContext;
import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.ContentHandle;
import org.spoolmail.exits.mail.ContentTransferEncoding;
import org.spoolmail.exits.mail.PartBody;
import org.spoolmail.exits.mail.TextRecords;

class TranslationLimitsTest {

    @TempDir
    Path base;

    @Test
    void initShouldRefuseTargetCharsetWhenItIsNotAsciiCompatible() {
        CodepageTranslateStage stage = new CodepageTranslateStage();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FakeStageContext.of(stage, Map.of("target-charset", "IBM1047"), base));

        assertEquals("config.target-charset: charset 'IBM1047' does not encode US-ASCII as itself, so mail cannot be"
                + " sent in it (expected an ASCII-compatible charset such as UTF-8)", e.getMessage());
    }

    @Test
    void processShouldFailNamingPartAndRecordWhenQuotedPrintableHoldsNonAscii() throws Exception {
        CodepageTranslateStage stage = new CodepageTranslateStage();
        stage.init(FakeStageContext.of(stage, Map.of(), base));
        TextRecords records = TextRecords.ofLines(Ccsid.of(1047), List.of("ok", "café"));

        PermanentStageException e = assertThrows(PermanentStageException.class, () -> stage.process(
                SpoolRecords.mail(SpoolRecords.leaf("text/plain", ContentTransferEncoding.QUOTED_PRINTABLE,
                        records))));

        assertEquals("mail TEST1: the part is declared quoted-printable but body record 2 holds a character the"
                + " target charset cannot encode (only US-ASCII may appear in that form)", e.getMessage());
    }

    @Test
    void transcodeShouldSpillToTemporaryFileWhenTextExceedsOneMebibyte() throws Exception {
        String line = "X".repeat(998);
        TextRecords records = TextRecords.ofLines(Ccsid.of(1047), Collections.nCopies(1100, line));

        RecordTranscoder.Result r = new RecordTranscoder().transcode(records, Ccsid.of(1047).charset(),
                StandardCharsets.UTF_8, true);

        ContentHandle content = r.content();
        assertEquals(1100L * 1000, content.sizeOctets());
        assertTrue(content.toString().contains("spoolmail-text-"), content.toString());
        byte[] all = content.readAllBytes();
        assertArrayEquals((line + "\r\n").getBytes(StandardCharsets.US_ASCII),
                java.util.Arrays.copyOfRange(all, 1000 * 1099, all.length));
    }

    @Test
    void spillingBufferShouldStayInMemoryWhenUnderTheLimit() throws Exception {
        SpillingBuffer buffer = new SpillingBuffer(8);
        buffer.write(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});

        assertFalse(buffer.spilled());
        buffer.write(9);
        assertTrue(buffer.spilled());
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, buffer.finish().readAllBytes());
    }

    @Test
    void processShouldLeaveBodiesAloneWhenThereAreNoRecords() throws Exception {
        CodepageTranslateStage stage = new CodepageTranslateStage();
        stage.init(FakeStageContext.of(stage, Map.of(), base));
        PartBody.Text text = new PartBody.Text(ContentHandle.ofBytes(new byte[] {'a', '\r', '\n'}),
                StandardCharsets.US_ASCII);
        var root = org.spoolmail.exits.mail.MimePart.leaf(org.spoolmail.exits.mail.ContentType.TEXT_PLAIN,
                java.util.Optional.empty(), text);

        var out = stage.process(SpoolRecords.mail(root)).mail();

        assertEquals(root, out.content().root());
        assertEquals("no text records to translate", out.trace().get(0).reason());
    }
}
