package org.spoolmail.plugins.parse.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.spoolmail.exits.fake.FakeStageContext;
import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.ContentHandle;
import org.spoolmail.exits.mail.Identity;
import org.spoolmail.exits.mail.IdentityFact;
import org.spoolmail.exits.mail.MailInput;
import org.spoolmail.exits.mail.MimePart;
import org.spoolmail.exits.mail.PartBody;
import org.spoolmail.exits.mail.RecordFormat;
import org.spoolmail.exits.mail.TextRecords;

/** Builds decks for the tests: ASCII lines, EBCDIC card images, RDW records; and reads parts back. */
final class Decks {

    /** User BATCH1 on SYS1 (established), job PAYROLL1 / JOB01234 (claimed). */
    static final Identity IDENTITY = new Identity(IdentityFact.established("BATCH1"),
            Optional.of(IdentityFact.claimed("PAYROLL1")), Optional.of(IdentityFact.claimed("JOB01234")),
            Optional.empty(), IdentityFact.established("SYS1"), "test");

    private Decks() {
    }

    /** @return a parser whose &DATE and &TIME come from the fake clock (2026-11-30T09:00:00Z) in UTC */
    static ControlStatementParser parser(Path base) {
        ControlStatementParser parser = new ControlStatementParser();
        parser.init(FakeStageContext.of(parser, Map.of("time-zone", "UTC"), base));
        return parser;
    }

    /** @return the lines written to {@code file} in UTF-8, ending LF, as a deck in CCSID 1208 (the default) */
    static MailInput ascii(Path file, String... lines) throws IOException {
        Files.write(file, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        return input(file, Ccsid.UTF_8, RecordFormat.LF, IDENTITY);
    }

    static MailInput input(Path file, Ccsid ccsid, RecordFormat format, Identity identity) throws IOException {
        return new MailInput(file.toString(), ContentHandle.ofFile(file), ccsid, format, identity);
    }

    /** @return the lines encoded in a CCSID as fixed records of {@code lrecl} octets, padded with its blank */
    static byte[] fixed(Ccsid ccsid, int lrecl, String... lines) {
        byte blank = " ".getBytes(ccsid.charset())[0];
        byte[] data = new byte[lines.length * lrecl];
        Arrays.fill(data, blank);
        for (int i = 0; i < lines.length; i++) {
            byte[] line = lines[i].getBytes(ccsid.charset());
            System.arraycopy(line, 0, data, i * lrecl, line.length);
        }
        return data;
    }

    /** @return the lines encoded in a CCSID as variable records, each with its 4-octet RDW */
    static byte[] variable(Ccsid ccsid, String... lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String l : lines) {
            byte[] line = l.getBytes(ccsid.charset());
            int length = line.length + 4;
            out.write(length >>> 8);
            out.write(length);
            out.write(0);
            out.write(0);
            out.writeBytes(line);
        }
        return out.toByteArray();
    }

    static TextRecords records(MimePart part) {
        return ((PartBody.Records) part.body().orElseThrow()).records();
    }

    /** @return the part's records decoded with their CCSID, trailing blanks stripped */
    static List<String> lines(MimePart part) throws IOException {
        return records(part).lines().stream().map(String::stripTrailing).toList();
    }
}
