package org.spoolmail.kernel.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** Reads a message into a {@link ParsedMail} with Angus Mail (Jakarta Mail), addresses parsed strictly. */
final class AngusReader {

    private AngusReader() {
    }

    static ParsedMail read(byte[] wire) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(wire));
        List<ParsedMail.Leaf> leaves = new ArrayList<>();
        collect(message, leaves);
        return new ParsedMail(message.getSubject() == null ? "" : message.getSubject(), mailboxes(message, "From"),
                mailboxes(message, "To"), mailboxes(message, "Cc"), leaves);
    }

    private static List<String> mailboxes(MimeMessage message, String field) throws Exception {
        String value = message.getHeader(field, ",");
        List<String> mailboxes = new ArrayList<>();
        if (value != null) {
            for (InternetAddress a : InternetAddress.parseHeader(value, true)) {
                mailboxes.add(ParsedMail.mailbox(a.getPersonal(), a.getAddress()));
            }
        }
        return mailboxes;
    }

    private static void collect(Part part, List<ParsedMail.Leaf> leaves) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), leaves);
            }
            return;
        }
        String type = new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
        try (InputStream in = part.getInputStream()) {
            leaves.add(new ParsedMail.Leaf(type, part.getFileName() == null ? "" : part.getFileName(),
                    in.readAllBytes()));
        }
    }
}
