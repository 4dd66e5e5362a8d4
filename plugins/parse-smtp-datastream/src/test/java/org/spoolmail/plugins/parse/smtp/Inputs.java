package org.spoolmail.plugins.parse.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.spoolmail.exits.StageException;
import org.spoolmail.exits.fake.FakeStageContext;
import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.ContentHandle;
import org.spoolmail.exits.mail.Identity;
import org.spoolmail.exits.mail.MailInput;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.PartBody;
import org.spoolmail.exits.mail.RecordFormat;
import org.spoolmail.exits.mail.TextRecords;

/** Builds parser inputs for the tests: corpus files, ASCII lines, EBCDIC card images. */
final class Inputs {

    static final Identity IDENTITY = Identity.of("BATCH1", "SYS1", "test");

    private Inputs() {
    }

    static SmtpDatastreamParser parser(Map<String, Object> config, Path base) throws StageException {
        SmtpDatastreamParser parser = new SmtpDatastreamParser();
        parser.init(FakeStageContext.of(parser, config, base));
        return parser;
    }

    static MailInput corpus(String name, Ccsid ccsid, RecordFormat format) throws IOException {
        try (InputStream in = Inputs.class.getResourceAsStream("/corpus/" + name)) {
            return bytes(name, in.readAllBytes(), ccsid, format);
        }
    }

    static MailInput bytes(String origin, byte[] data, Ccsid ccsid, RecordFormat format) {
        return new MailInput(origin, ContentHandle.ofBytes(data), ccsid, format, IDENTITY);
    }

    /** @return UTF-8 lines ending LF, read in CCSID 1208 (the default for ASCII-family input) */
    static MailInput ascii(String origin, String... lines) {
        String text = String.join("\n", lines) + "\n";
        return bytes(origin, text.getBytes(StandardCharsets.UTF_8), Ccsid.UTF_8, RecordFormat.LF);
    }

    /** @return fixed 80-octet records in CCSID 1047, each padded with EBCDIC blanks (x'40') */
    static MailInput cards(String origin, List<byte[]> records) {
        byte[] data = new byte[records.size() * 80];
        java.util.Arrays.fill(data, (byte) 0x40);
        for (int i = 0; i < records.size(); i++) {
            System.arraycopy(records.get(i), 0, data, i * 80, records.get(i).length);
        }
        return bytes(origin, data, Ccsid.of(1047), RecordFormat.fixed(80));
    }

    /** @return the lines encoded in the CCSID, each ending with EBCDIC NL x'15' (z/OS UNIX file) */
    static MailInput nl(String origin, Ccsid ccsid, String... lines) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (String line : lines) {
            out.writeBytes(line.getBytes(ccsid.charset()));
            out.write(0x15);
        }
        return bytes(origin, out.toByteArray(), ccsid, RecordFormat.NL);
    }

    /** @return the lines as fixed 80-octet records in the CCSID, blank-padded, each ending with its number */
    static MailInput numberedCards(String origin, Ccsid ccsid, String... lines) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            b.append(String.format("%-72s%08d", lines[i], (i + 1) * 100));
        }
        return bytes(origin, b.toString().getBytes(ccsid.charset()), ccsid, RecordFormat.fixed(80));
    }

    /** @return the line encoded in CCSID 1047 */
    static byte[] ebcdic(String line) {
        return line.getBytes(Ccsid.of(1047).charset());
    }

    static TextRecords body(MailObject mail) {
        return ((PartBody.Records) mail.content().root().body().orElseThrow()).records();
    }

    /** @return the body records decoded, trailing blanks stripped */
    static List<String> bodyLines(MailObject mail) throws IOException {
        return body(mail).lines().stream().map(String::stripTrailing).toList();
    }

    /** @return the body records' lengths in octets */
    static List<Integer> bodyRecordLengths(MailObject mail) throws IOException {
        List<Integer> lengths = new java.util.ArrayList<>();
        try (TextRecords.Cursor cursor = body(mail).open()) {
            byte[] record;
            while ((record = cursor.next()) != null) {
                lengths.add(record.length);
            }
        }
        return lengths;
    }
}
