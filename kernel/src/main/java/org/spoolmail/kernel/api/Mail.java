package org.spoolmail.kernel.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.spoolmail.exits.mail.ContentHandle;
import org.spoolmail.exits.mail.ContentType;
import org.spoolmail.exits.mail.Envelope;
import org.spoolmail.exits.mail.HeaderField;
import org.spoolmail.exits.mail.HeaderSection;

/**
 * A message built in code, to hand to {@link Spoolmail#submit(Mail)}: the envelope (reverse-path and forward-paths,
 * RFC 5321 section 2.3.1), the header fields, a text and/or HTML body, and attachments. The pipeline treats it as
 * a parsed message: its exit routines see it, mime-encode adds Date, Message-ID and MIME-Version and gives each
 * multipart a fresh boundary, and the deliver stage encodes header fields (RFC 2047) and parts (quoted-printable,
 * base64) as the relay needs.
 *
 * <p>The envelope follows the header fields as {@code sendmail -t} would: the reverse-path is the From address and
 * the forward-paths are the To, Cc and Bcc addresses, Bcc in the envelope only. Text is held as UTF-8 with CRLF line
 * ends (a lone CR or LF becomes CRLF); an attachment is binary, sent base64, never translated.
 *
 * <p>Immutable and thread-safe; one {@code Mail} may be submitted any number of times, each time as a new mail
 * object with its own queue ID.
 *
 * @since 1.0.0
 */
public final class Mail {

    private final Envelope envelope;
    private final HeaderSection headers;
    private final Optional<String> text;
    private final Optional<String> html;
    private final List<Attachment> attachments;

    Mail(Envelope envelope, HeaderSection headers, Optional<String> text, Optional<String> html,
            List<Attachment> attachments) {
        this.envelope = envelope;
        this.headers = headers;
        this.text = text;
        this.html = html;
        this.attachments = List.copyOf(attachments);
    }

    /** @return a new, empty builder */
    public static MailBuilder builder() {
        return new MailBuilder();
    }

    /** @return the envelope: the From address as reverse-path, the To, Cc and Bcc addresses as forward-paths */
    public Envelope envelope() {
        return envelope;
    }

    /** @return the header fields in the order given (From, To, Cc, Subject, then the others); never Bcc */
    public HeaderSection headers() {
        return headers;
    }

    /** @return the text/plain body, if any */
    public Optional<String> text() {
        return text;
    }

    /** @return the text/html body, if any */
    public Optional<String> html() {
        return html;
    }

    /** @return the attachments in the order given */
    public List<Attachment> attachments() {
        return attachments;
    }

    /**
     * One attachment.
     *
     * @param fileName the file name the recipient sees (Content-Disposition {@code filename}, RFC 2231 when not
     *     ASCII)
     * @param contentType its media type, e.g. {@code application/pdf}
     * @param content its octets, read when the message is written (a file is not copied)
     * @since 1.0.0
     */
    public record Attachment(String fileName, ContentType contentType, ContentHandle content) {
        /**
         * Checks the components.
         *
         * @param fileName the file name
         * @param contentType the media type
         * @param content the octets
         * @throws NullPointerException if a component is null
         * @throws IllegalArgumentException if the file name is blank or holds a control character
         */
        public Attachment {
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(content, "content");
            if (fileName == null || fileName.isBlank() || HeaderField.firstControl(fileName) >= 0) {
                throw new IllegalArgumentException("attachment file name '" + fileName + "' is blank or holds a"
                        + " control character");
            }
        }
    }
}
