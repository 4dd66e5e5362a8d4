package org.spoolmail.plugins.codepage.translate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.ContentTransferEncoding;
import org.spoolmail.exits.mail.ContentType;
import org.spoolmail.exits.mail.Envelope;
import org.spoolmail.exits.mail.ForwardPath;
import org.spoolmail.exits.mail.HeaderSection;
import org.spoolmail.exits.mail.Identity;
import org.spoolmail.exits.mail.MailContent;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.Mailbox;
import org.spoolmail.exits.mail.MimePart;
import org.spoolmail.exits.mail.PartBody;
import org.spoolmail.exits.mail.RecordFormat;
import org.spoolmail.exits.mail.RecordReader;
import org.spoolmail.exits.mail.ReversePath;
import org.spoolmail.exits.mail.TextRecords;

/** Reads corpus fixtures into raw records and builds the mail objects the earlier stages hand on. */
final class SpoolRecords {

    private SpoolRecords() {
    }

    static List<byte[]> read(String resource, RecordFormat format) {
        try (InputStream in = SpoolRecords.class.getResourceAsStream("/" + resource)) {
            RecordReader reader = format.reader(in);
            List<byte[]> out = new ArrayList<>();
            byte[] record;
            while ((record = reader.next()) != null) {
                out.add(record);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Returns the body records of the first message: after the blank record that ends the header section, up to
     * the "." record, dot-unstuffed as the parser does.
     */
    static List<byte[]> body(List<byte[]> records, Charset charset) {
        List<byte[]> out = new ArrayList<>();
        boolean inBody = false;
        for (byte[] record : records) {
            String line = text(record, charset);
            if (inBody && line.equals(".")) {
                break;
            }
            if (inBody) {
                out.add(line.startsWith(".") ? Arrays.copyOfRange(record, 1, record.length) : record);
            }
            inBody |= line.isEmpty();
        }
        return out;
    }

    static String text(byte[] record, Charset charset) {
        return new String(record, charset).replaceAll("[ \\x00]+$", "");
    }

    static TextRecords of(Ccsid ccsid, List<byte[]> records) throws IOException {
        TextRecords.Writer writer = TextRecords.writer(ccsid);
        for (byte[] r : records) {
            writer.add(r);
        }
        return writer.finish();
    }

    static MimePart leaf(String type, ContentTransferEncoding cte, TextRecords records) {
        return MimePart.leaf(ContentType.parse(type), Optional.ofNullable(cte), new PartBody.Records(records));
    }

    static MailObject mail(MimePart root) {
        Envelope envelope = new Envelope(ReversePath.of(Mailbox.parse("batch@example.com")),
                List.of(ForwardPath.parse("someone@example.com")));
        return MailObject.of("TEST1", envelope, new MailContent(HeaderSection.EMPTY, root),
                Identity.of("BATCH1", "SYS1", "test"));
    }

    /** Decodes quoted-printable text (RFC 2045 section 6.7) into octets: enough for the fixtures. */
    static byte[] decodeQuotedPrintable(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String body = text.replace("=\r\n", "");
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '=') {
                out.write(Integer.parseInt(body.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }
}
