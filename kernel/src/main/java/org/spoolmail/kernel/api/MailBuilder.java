package org.spoolmail.kernel.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.spoolmail.exits.mail.ContentHandle;
import org.spoolmail.exits.mail.ContentType;
import org.spoolmail.exits.mail.Envelope;
import org.spoolmail.exits.mail.ForwardPath;
import org.spoolmail.exits.mail.HeaderField;
import org.spoolmail.exits.mail.HeaderSection;
import org.spoolmail.exits.mail.Mailbox;
import org.spoolmail.exits.mail.ReversePath;

/**
 * Builds a {@link Mail}. Each method checks its argument at once and throws {@link IllegalArgumentException}
 * naming the field and the reason (an address that is not a mailbox, a header value with CR or LF). Not
 * thread-safe; use one builder per thread.
 *
 * @since 1.0.0
 */
public final class MailBuilder {

    private ReversePath from = ReversePath.nullPath();
    private boolean hasFrom;
    private final List<ForwardPath> forwardPaths = new ArrayList<>();
    private final List<HeaderField> fields = new ArrayList<>();
    private Optional<String> text = Optional.empty();
    private Optional<String> html = Optional.empty();
    private final List<Mail.Attachment> attachments = new ArrayList<>();

    MailBuilder() {
    }

    /**
     * Sets the sender: the From header field and the reverse-path.
     *
     * @param address an addr-spec, e.g. {@code payroll@example.com}
     * @return this builder
     * @throws IllegalArgumentException if it is not a mailbox, or From is already set
     */
    public MailBuilder from(String address) {
        return from(address, "");
    }

    /**
     * Sets the sender with a display name: {@code From: "Payroll Office" <payroll@example.com>}.
     *
     * @param address an addr-spec
     * @param displayName the display name; empty for none
     * @return this builder
     * @throws IllegalArgumentException if the address is not a mailbox, or From is already set
     */
    public MailBuilder from(String address, String displayName) {
        if (hasFrom) {
            throw new IllegalArgumentException("from: the sender is already set");
        }
        Mailbox mailbox = mailbox("from", address);
        from = ReversePath.of(mailbox);
        hasFrom = true;
        fields.add(0, field("From", nameAddr(displayName, mailbox)));
        return this;
    }

    /**
     * Adds To recipients: header field and forward-paths.
     *
     * @param addresses addr-specs
     * @return this builder
     * @throws IllegalArgumentException if one is not a mailbox
     */
    public MailBuilder to(String... addresses) {
        return recipients("To", addresses);
    }

    /**
     * Adds Cc recipients: header field and forward-paths.
     *
     * @param addresses addr-specs
     * @return this builder
     * @throws IllegalArgumentException if one is not a mailbox
     */
    public MailBuilder cc(String... addresses) {
        return recipients("Cc", addresses);
    }

    /**
     * Adds Bcc recipients: forward-paths only, no header field.
     *
     * @param addresses addr-specs
     * @return this builder
     * @throws IllegalArgumentException if one is not a mailbox
     */
    public MailBuilder bcc(String... addresses) {
        for (String a : addresses) {
            forwardPaths.add(new ForwardPath(mailbox("bcc", a)));
        }
        return this;
    }

    /**
     * Sets the Subject; non-ASCII text is sent as RFC 2047 encoded-words.
     *
     * @param subject the subject text
     * @return this builder
     * @throws IllegalArgumentException if it holds CR, LF or another control character
     */
    public MailBuilder subject(String subject) {
        return header("Subject", subject);
    }

    /**
     * Adds a header field, e.g. {@code X-Job: PAYROLL}.
     *
     * @param name the field name
     * @param value the field body, one line
     * @return this builder
     * @throws IllegalArgumentException if the name is not a field name, or is Content-Type,
     *     Content-Transfer-Encoding or Bcc (the message structure and {@link #bcc} set those), or the value
     *     holds CR, LF or another control character
     */
    public MailBuilder header(String name, String value) {
        for (String owned : List.of("Content-Type", "Content-Transfer-Encoding", "Bcc")) {
            if (owned.equalsIgnoreCase(Objects.requireNonNull(name, "name").strip())) {
                throw new IllegalArgumentException("header: " + owned + " is set by the builder, not by hand");
            }
        }
        fields.add(field(name, value));
        return this;
    }

    /**
     * Sets the text/plain body.
     *
     * @param body the text; line ends become CRLF
     * @return this builder
     */
    public MailBuilder text(String body) {
        text = Optional.of(Objects.requireNonNull(body, "body"));
        return this;
    }

    /**
     * Sets the text/html body; with a text body too, the two make a multipart/alternative.
     *
     * @param body the HTML; line ends become CRLF
     * @return this builder
     */
    public MailBuilder html(String body) {
        html = Optional.of(Objects.requireNonNull(body, "body"));
        return this;
    }

    /**
     * Attaches a regular file, opened now: the opened file is what is sent, whatever the name denotes later, read
     * as a stream when the message is written (never copied into memory); the descriptor is released when the
     * {@code Mail} is no longer reachable.
     *
     * @param file the file; its name is the attachment's
     * @param contentType its media type, e.g. {@code application/pdf}
     * @return this builder
     * @throws IllegalArgumentException if the file is not a readable regular file or the type is not a media type
     */
    public MailBuilder attach(Path file, String contentType) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException("attach: " + file + " is not a readable file");
        }
        try {
            return attach(file.getFileName().toString(), contentType, ContentHandle.ofFile(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("attach: " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Attaches octets; the array is copied.
     *
     * @param fileName the file name the recipient sees
     * @param contentType its media type
     * @param octets the content
     * @return this builder
     */
    public MailBuilder attach(String fileName, String contentType, byte[] octets) {
        return attach(fileName, contentType, ContentHandle.ofBytes(octets));
    }

    /**
     * Attaches what a stream holds: it is read to its end now, into memory, and not closed. For large content
     * attach a file or a {@link ContentHandle}, which are read as streams when the message is written.
     *
     * @param fileName the file name the recipient sees
     * @param contentType its media type
     * @param stream the content
     * @return this builder
     * @throws UncheckedIOException if reading the stream fails
     */
    public MailBuilder attach(String fileName, String contentType, InputStream stream) {
        try {
            return attach(fileName, contentType, ContentHandle.ofBytes(stream.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("attach: " + fileName + ": the stream could not be read", e);
        }
    }

    /**
     * Attaches content that can be opened again and again, read as a stream when the message is written.
     *
     * @param fileName the file name the recipient sees
     * @param contentType its media type
     * @param content the content
     * @return this builder
     */
    public MailBuilder attach(String fileName, String contentType, ContentHandle content) {
        ContentType type;
        try {
            type = ContentType.parse(Objects.requireNonNull(contentType, "contentType"));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("attach: " + fileName + ": '" + contentType
                    + "' is not a media type", e);
        }
        attachments.add(new Mail.Attachment(fileName, type, content));
        return this;
    }

    /**
     * @return the message
     * @throws IllegalArgumentException if it has no sender or no recipient
     */
    public Mail build() {
        if (!hasFrom) {
            throw new IllegalArgumentException("mail: no sender: call from(address)");
        }
        if (forwardPaths.isEmpty()) {
            throw new IllegalArgumentException("mail: no recipient: call to, cc or bcc");
        }
        return new Mail(new Envelope(from, forwardPaths), new HeaderSection(fields), text, html, attachments);
    }

    private MailBuilder recipients(String name, String... addresses) {
        List<String> forms = new ArrayList<>();
        for (String a : addresses) {
            Mailbox m = mailbox(name.toLowerCase(java.util.Locale.ROOT), a);
            forwardPaths.add(new ForwardPath(m));
            forms.add(m.toString());
        }
        if (!forms.isEmpty()) {
            fields.add(field(name, String.join(", ", forms)));
        }
        return this;
    }

    private static Mailbox mailbox(String field, String address) {
        try {
            return Mailbox.parse(Objects.requireNonNull(address, field).strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": '" + address + "' is not a mailbox: " + e.getMessage(),
                    e);
        }
    }

    private static String nameAddr(String displayName, Mailbox mailbox) {
        if (displayName == null || displayName.isBlank()) {
            return mailbox.toString();
        }
        return "\"" + displayName.strip().replace("\\", "\\\\").replace("\"", "\\\"") + "\" <" + mailbox + ">";
    }

    private static HeaderField field(String name, String value) {
        try {
            return new HeaderField(name, Objects.requireNonNull(value, name));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("header " + name + ": " + e.getMessage(), e);
        }
    }
}
