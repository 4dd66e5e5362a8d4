package org.spoolmail.kernel.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.SingleBody;
import org.apache.james.mime4j.dom.address.AddressList;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.dom.address.MailboxList;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.MimeConfig;

/**
 * Reads a message into a {@link ParsedMail} with Apache mime4j, strictly: malformed header fields and encoded-words
 * throw, and so does any line over 1,000 octets with its CRLF (RFC 5322 section 2.1.1: 998 plus CRLF).
 */
final class Mime4jReader {

    private Mime4jReader() {
    }

    static ParsedMail read(byte[] wire) throws Exception {
        DefaultMessageBuilder builder = new DefaultMessageBuilder();
        builder.setMimeEntityConfig(MimeConfig.custom().setStrictParsing(true).setMaxLineLen(1000)
                .setMaxHeaderLen(-1).build());
        builder.setDecodeMonitor(DecodeMonitor.STRICT);
        Message message = builder.parseMessage(new ByteArrayInputStream(wire));
        List<ParsedMail.Leaf> leaves = new ArrayList<>();
        collect(message, leaves);
        return new ParsedMail(message.getSubject() == null ? "" : message.getSubject(),
                mailboxes(message.getFrom()), mailboxes(message.getTo()), mailboxes(message.getCc()), leaves);
    }

    private static List<String> mailboxes(AddressList list) {
        return list == null ? List.of() : mailboxes(list.flatten());
    }

    private static List<String> mailboxes(MailboxList list) {
        List<String> mailboxes = new ArrayList<>();
        if (list != null) {
            for (Mailbox m : list) {
                mailboxes.add(ParsedMail.mailbox(m.getName(), m.getAddress()));
            }
        }
        return mailboxes;
    }

    private static void collect(Entity entity, List<ParsedMail.Leaf> leaves) throws Exception {
        if (entity.getBody() instanceof Multipart multipart) {
            for (Entity child : multipart.getBodyParts()) {
                collect(child, leaves);
            }
            return;
        }
        String filename = entity.getFilename();
        try (InputStream in = ((SingleBody) entity.getBody()).getInputStream()) {
            leaves.add(new ParsedMail.Leaf(entity.getMimeType().toLowerCase(Locale.ROOT),
                    filename == null ? "" : filename, in.readAllBytes()));
        }
    }
}
