package org.spoolmail.plugins.codepage.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.fake.FakeStageContext;
import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.ContentType;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.MimePart;

/** Every record is decoded strictly: text in another code page is refused with part, line and hint, never U+FFFD. */
class StrictDecodingTest {

    private static final String HINT = " (is the input in another code page? see --codepage)";

    @TempDir
    Path base;

    @Test
    void processShouldRefuseLatin1BodyWhenRecordsAreCcsid1208() throws Exception {
        MailObject mail = SpoolRecords.mail(SpoolRecords.leaf("text/plain", null, SpoolRecords.of(Ccsid.UTF_8,
                List.of(bytes("Hallo", StandardCharsets.UTF_8), bytes("Gr\u00fc\u00dfe", StandardCharsets.ISO_8859_1)))));

        PermanentStageException e = refused(mail);

        assertEquals("mail " + mail.id() + " line 2: octet x'FC' at column 3 is not valid text in CCSID 1208 (UTF-8)"
                + HINT, e.getMessage());
    }

    @Test
    void processShouldRefuseUtf8PartNamingThePartWhenRecordsAreUsAscii() throws Exception {
        MimePart first = SpoolRecords.leaf("text/plain", null, SpoolRecords.of(Ccsid.US_ASCII,
                List.of(bytes("one", StandardCharsets.US_ASCII))));
        MimePart second = SpoolRecords.leaf("text/plain", null, SpoolRecords.of(Ccsid.US_ASCII,
                List.of(bytes("M\u00fcller", StandardCharsets.UTF_8))));
        MailObject mail = SpoolRecords.mail(MimePart.multipart(ContentType.parse("multipart/mixed; boundary=x"),
                List.of(first, second)));

        PermanentStageException e = refused(mail);

        assertEquals("mail " + mail.id() + " part 2 line 1: octet x'C3' at column 2 is not valid text in CCSID 367"
                + " (US-ASCII)" + HINT, e.getMessage());
    }

    @Test
    void processShouldNameTheDeclaredCharsetWhenThePartDeclaresUtf8ButHoldsLatin1() throws Exception {
        MailObject mail = SpoolRecords.mail(SpoolRecords.leaf("text/plain; charset=utf-8", null,
                SpoolRecords.of(Ccsid.ISO_8859_1, List.of(bytes("M\u00fcller", StandardCharsets.ISO_8859_1)))));

        PermanentStageException e = refused(mail);

        assertEquals("mail " + mail.id() + " line 1: octet x'FC' at column 2 is not valid text in charset UTF-8"
                + HINT, e.getMessage());
    }

    private PermanentStageException refused(MailObject mail) throws Exception {
        CodepageTranslateStage stage = new CodepageTranslateStage();
        stage.init(FakeStageContext.of(stage, Map.of(), base));
        return assertThrows(PermanentStageException.class, () -> stage.process(mail));
    }

    private static byte[] bytes(String text, java.nio.charset.Charset charset) {
        return text.getBytes(charset);
    }
}
