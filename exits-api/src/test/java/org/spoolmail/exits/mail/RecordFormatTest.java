package org.spoolmail.exits.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class RecordFormatTest {

    /**
     * toString is what drop files, queue items and resend options carry, and parse reads it back: a VB input
     * written as "variable" could not be read back, so every VB item submitted to the spool was held as a bad drop.
     */
    @Test
    void parseShouldReadBackWhatToStringWritesForEveryRecordFormat() {
        List<RecordFormat> all = List.of(RecordFormat.fixed(80), RecordFormat.fixed(133), RecordFormat.VARIABLE,
                RecordFormat.LF, RecordFormat.CRLF, RecordFormat.NL, RecordFormat.EBCDIC_LF);

        assertEquals(List.of("fb:80", "fb:133", "vb", "lf", "crlf", "nl", "ebcdic-lf"),
                all.stream().map(RecordFormat::toString).toList());
        for (RecordFormat f : all) {
            assertEquals(f, RecordFormat.parse(f.toString()), f.toString());
        }
    }
}
