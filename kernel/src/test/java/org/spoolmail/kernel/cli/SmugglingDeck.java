package org.spoolmail.kernel.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A fixed-record SMTP datastream whose body records hold line-end octets: bare LF, bare CR, NEL, and
 * "&lt;LF&gt;.&lt;CR&gt;&lt;LF&gt;" followed by the records of a second, smuggled transaction. Each body record is
 * paired with the line a receiver must see: line ends come from the record boundaries only, so every line-end
 * character inside a record is a blank (after SMTP dot-unstuffing of the record), and record padding is stripped.
 */
final class SmugglingDeck {

    private SmugglingDeck() {
    }

    /**
     * Writes the datastream.
     *
     * @param records where to write the records
     * @param rcpt the one recipient
     * @param smuggled the recipient of the smuggled transaction, which must receive nothing
     * @return the body lines the recipient must receive, in order
     */
    static List<String> write(FixedRecords records, String rcpt, String smuggled) {
        for (String command : List.of("HELO batch.example.com", "MAIL FROM:<batch@example.com>",
                "RCPT TO:<" + rcpt + ">", "DATA", "From: batch@example.com", "To: <" + rcpt + ">",
                "Subject: Records with line ends inside", "")) {
            records.add(command);
        }
        String[][] body = {
            {"bare LF\nin the middle", "bare LF in the middle"},
            {"bare CR\rin the middle", "bare CR in the middle"},
            {"bare NEL\u0085in the middle", "bare NEL in the middle"},
            {"end of data?\n.\r\nMAIL FROM:<evil@example.com>", "end of data? .  MAIL FROM:<evil@example.com>"},
            {"RCPT TO:<" + smuggled + ">", "RCPT TO:<" + smuggled + ">"},
            {"DATA", "DATA"},
            {"Subject: smuggled", "Subject: smuggled"},
            {"\r\n.\r\nQUIT\r\n", "  .  QUIT"},
            {".\r\n.\r\n", "  ."},
            {"..", "."},
            {"x\n.\ny\r.\rz", "x . y . z"},
            {"...leading dots", "..leading dots"},
            {"last line", "last line"}};
        List<String> expected = new ArrayList<>();
        for (String[] line : body) {
            records.add(line[0]);
            expected.add(line[1]);
        }
        records.add(".");
        records.add("QUIT");
        return expected;
    }
}
