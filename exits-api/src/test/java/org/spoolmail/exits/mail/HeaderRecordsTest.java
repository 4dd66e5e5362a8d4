package org.spoolmail.exits.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spoolmail.exits.PermanentStageException;

class HeaderRecordsTest {

    @Test
    void acceptShouldKeepAFieldWithBlanksBeforeTheColonWhenObsoleteSyntax() throws Exception {
        HeaderRecords headers = read("From: a@example.com", "BCC : x@example.com", "Subject\t: totals");

        assertEquals(List.of(new HeaderField("From", "a@example.com"), new HeaderField("BCC", "x@example.com"),
                new HeaderField("Subject", "totals")), headers.section().fields());
    }

    @Test
    void acceptShouldUnfoldAFieldWhenContinued() throws Exception {
        HeaderRecords headers = read("Subject: first half", "\tand second half", " and third");

        assertEquals(List.of(new HeaderField("Subject", "first half\tand second half and third")),
                headers.section().fields());
    }

    @Test
    void acceptShouldReportKindsWhenTheSectionEndsWithASeparator() throws Exception {
        HeaderRecords headers = new HeaderRecords();

        List<HeaderRecords.Kind> kinds = new ArrayList<>();
        for (String line : List.of("Subject: x", " y", " \t", "body")) {
            kinds.add(headers.accept(line, at(kinds.size() + 1)));
        }

        assertEquals(List.of(HeaderRecords.Kind.FIELD, HeaderRecords.Kind.FIELD, HeaderRecords.Kind.SEPARATOR,
                HeaderRecords.Kind.BODY), kinds);
        assertEquals(List.of(new HeaderField("Subject", "x y")), headers.section().fields());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Totals for 2026-11-30", ": no name", "Two words: x", " continued first", "Ümlaut: x"})
    void acceptShouldReturnBodyWhenTheLineIsNoField(String line) throws Exception {
        HeaderRecords headers = new HeaderRecords();

        assertEquals(HeaderRecords.Kind.BODY, headers.accept(line, at(1)));
        assertEquals(List.of(), headers.section().fields());
    }

    @Test
    void acceptShouldRefuseNamingTheRecordWhenAFieldHoldsAControlCharacter() throws Exception {
        HeaderRecords headers = read("From: a@example.com");

        PermanentStageException e = assertThrows(PermanentStageException.class,
                () -> headers.accept("Subject: Daily\u0007 report", at(5)));

        assertEquals("job.smtp record 5: header field Subject at position 6: control character U+0007 is refused"
                + " in a header field", e.getMessage());
        assertEquals(Optional.of(at(5)), e.location());
    }

    @Test
    void acceptShouldRefuseNamingTheContinuationRecordWhenItHoldsAControlCharacter() throws Exception {
        HeaderRecords headers = read("Subject: a");

        PermanentStageException e = assertThrows(PermanentStageException.class,
                () -> headers.accept(" b\u000Cc", at(2)));

        assertEquals("job.smtp record 2: header field Subject at position 4: control character U+000C is refused"
                + " in a header field", e.getMessage());
    }

    @Test
    void recordsOfShouldNameWhereEachFieldStartsWhenRepeatedInAnyCase() throws Exception {
        HeaderRecords headers = read("To: a@example.com", " , b@example.com", "Subject: x", "TO: c@example.com");

        assertEquals(List.of(1L, 4L), headers.recordsOf("to"));
        assertEquals(Optional.of(1L), headers.recordOf("To"));
        assertEquals(Optional.of(3L), headers.recordOf("SUBJECT"));
        assertEquals(Optional.empty(), headers.recordOf("Cc"));
        assertEquals(List.of(), headers.recordsOf("Cc"));
    }

    static HeaderRecords read(String... lines) throws PermanentStageException {
        HeaderRecords headers = new HeaderRecords();
        for (int i = 0; i < lines.length; i++) {
            assertEquals(HeaderRecords.Kind.FIELD, headers.accept(lines[i], at(i + 1)), lines[i]);
        }
        return headers;
    }

    static InputLocation at(long record) {
        return new InputLocation("job.smtp", record);
    }
}
