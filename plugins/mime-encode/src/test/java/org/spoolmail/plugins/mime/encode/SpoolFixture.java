package org.spoolmail.plugins.mime.encode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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

/**
 * Builds the mail objects the parse stage hands on, from a corpus datastream: the header section up to the first
 * blank record or the first record that is not a header field, then the body records as raw octets (dot-unstuffed)
 * up to the "." record or the end of input. Only as much SMTP as the fixtures need.
 */
final class SpoolFixture {

    private SpoolFixture() {
    }

    static List<MailObject> messages(String resource, RecordFormat format, Ccsid ccsid) {
        try (InputStream in = SpoolFixture.class.getResourceAsStream("/" + resource)) {
            RecordReader reader = format.reader(new ByteArrayInputStream(in.readAllBytes()));
            List<MailObject> out = new ArrayList<>();
            String from = null;
            byte[] record;
            while ((record = reader.next()) != null) {
                String line = strip(new String(record, ccsid.charset()));
                String upper = line.toUpperCase(Locale.ROOT);
                if (upper.startsWith("MAIL FROM:")) {
                    from = between(line);
                } else if (upper.equals("DATA")) {
                    out.add(data(reader, ccsid, from, "TEST" + (out.size() + 1)));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MailObject data(RecordReader reader, Ccsid ccsid, String from, String id) throws IOException {
        List<String> headerLines = new ArrayList<>();
        TextRecords.Writer body = TextRecords.writer(ccsid);
        boolean inHeader = true;
        byte[] record;
        while ((record = reader.next()) != null) {
            String line = strip(new String(record, ccsid.charset()));
            if (line.equals(".")) {
                break;
            }
            if (inHeader && line.isEmpty()) {
                inHeader = false;
            } else if (inHeader && line.matches("[!-9;-~]+:.*")) {
                headerLines.add(line);
            } else {
                inHeader = false;
                body.add(line.startsWith(".") ? Arrays.copyOfRange(record, 1, record.length) : record);
            }
        }
        return mail(headerLines, body.finish(), from, id);
    }

    private static MailObject mail(List<String> headerLines, TextRecords body, String from, String id) {
        HeaderSection headers = HeaderSection.EMPTY;
        ContentType type = ContentType.TEXT_PLAIN;
        Optional<ContentTransferEncoding> cte = Optional.empty();
        for (String line : headerLines) {
            String name = line.substring(0, line.indexOf(':')).strip();
            String value = line.substring(line.indexOf(':') + 1).strip();
            if (name.equalsIgnoreCase("Content-Type")) {
                type = ContentType.parse(value);
            } else if (name.equalsIgnoreCase("Content-Transfer-Encoding")) {
                cte = ContentTransferEncoding.fromToken(value);
            } else {
                headers = headers.with(name, value);
            }
        }
        MimePart root = MimePart.leaf(type, cte, new PartBody.Records(body));
        Envelope envelope = new Envelope(ReversePath.of(Mailbox.parse(from)),
                List.of(ForwardPath.parse("someone@example.com")));
        return MailObject.of(id, envelope, new MailContent(headers, root), Identity.of("BATCH1", "SYS1", "test"));
    }

    private static String between(String line) {
        return line.substring(line.indexOf('<') + 1, line.indexOf('>')).strip();
    }

    static String strip(String line) {
        return line.replaceAll("[ \\x00]+$", "");
    }

    /** Decodes quoted-printable text (RFC 2045 section 6.7) into octets: enough for the fixtures. */
    static byte[] decodeQuotedPrintable(List<String> lines) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int n = 0; n < lines.size(); n++) {
            String line = strip(lines.get(n));
            boolean soft = line.endsWith("=");
            String text = soft ? line.substring(0, line.length() - 1) : line;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '=') {
                    out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                    i += 2;
                } else {
                    out.write(c);
                }
            }
            if (!soft && n < lines.size() - 1) {
                out.write('\r');
                out.write('\n');
            }
        }
        return out.toByteArray();
    }
}
