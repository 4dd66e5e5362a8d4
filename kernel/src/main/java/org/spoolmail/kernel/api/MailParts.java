package org.spoolmail.kernel.api;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.spoolmail.exits.mail.ContentHandle;
import org.spoolmail.exits.mail.ContentTransferEncoding;
import org.spoolmail.exits.mail.ContentType;
import org.spoolmail.exits.mail.HeaderSection;
import org.spoolmail.exits.mail.MailContent;
import org.spoolmail.exits.mail.MimePart;
import org.spoolmail.exits.mail.PartBody;

/**
 * The MIME tree of a {@link Mail} (RFC 2046), shaped as the control-statement parser shapes a deck's: one body alone
 * is the root; text and HTML make a multipart/alternative, plain text first (section 5.1.4); attachments make a
 * multipart/mixed with the body first. Text is already UTF-8 with CRLF line ends, so codepage-translate leaves it
 * alone; attachments are binary and base64. A message with neither body nor attachment gets an empty text body.
 */
final class MailParts {

    private static final String BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private MailParts() {
    }

    static MailContent content(Mail mail) {
        Optional<MimePart> text = mail.text().map(t -> text("plain", t));
        Optional<MimePart> html = mail.html().map(h -> text("html", h));
        Optional<MimePart> body = text.isPresent() && html.isPresent()
                ? Optional.of(multipart("alternative", List.of(text.get(), html.get()))) : text.or(() -> html);
        if (mail.attachments().isEmpty()) {
            return new MailContent(mail.headers(), body.orElseGet(() -> text("plain", "")));
        }
        List<MimePart> children = new ArrayList<>();
        body.ifPresent(children::add);
        mail.attachments().forEach(a -> children.add(attachment(a)));
        return new MailContent(mail.headers(), multipart("mixed", children));
    }

    private static MimePart text(String subtype, String text) {
        String crlf = text.replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\r\n");
        if (!crlf.isEmpty() && !crlf.endsWith("\r\n")) {
            crlf += "\r\n";
        }
        ContentType type = new ContentType("text", subtype, Map.of("charset", "utf-8"));
        return MimePart.leaf(type, Optional.empty(), new PartBody.Text(
                ContentHandle.ofBytes(crlf.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8));
    }

    private static MimePart attachment(Mail.Attachment a) {
        HeaderSection disposition = HeaderSection.EMPTY.with("Content-Disposition", "attachment; filename=\""
                + a.fileName().replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
        return new MimePart(a.contentType().withParameter("name", a.fileName()),
                Optional.of(ContentTransferEncoding.BASE64), disposition,
                Optional.of(new PartBody.Binary(a.content())), List.of());
    }

    /** A multipart with a random boundary {@code =_spoolmail_} + 24 base36 characters, as the parsers make. */
    private static MimePart multipart(String subtype, List<MimePart> children) {
        StringBuilder boundary = new StringBuilder("=_spoolmail_");
        for (int i = 0; i < 24; i++) {
            boundary.append(BASE36.charAt(RANDOM.nextInt(BASE36.length())));
        }
        return MimePart.multipart(new ContentType("multipart", subtype, Map.of("boundary", boundary.toString())),
                children);
    }
}
