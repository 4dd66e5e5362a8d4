package org.spoolmail.exits.mail;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes a message's content in its wire form (RFC 5322, MIME): CRLF line ends only, never a bare CR or LF, header
 * fields folded with CRLF + white space at 78 characters where possible and never past 998 octets, non-ASCII
 * header text as RFC 2047 encoded-words of whole characters (unless SMTPUTF8 is offered), non-ASCII or long
 * parameter values with RFC 2231, base64 in lines of 76 characters, and each text part's Content-Transfer-Encoding
 * chosen from its final octets and the {@link WireOptions}. Dot-stuffing is the SMTP client's job, not this one's.
 *
 * <p>Streams: no part's content is held in memory whole. A text part whose transfer encoding is to be chosen is
 * read twice: once to scan its octets, once to write them.
 *
 * <p>Order: the message header fields as given, {@code MIME-Version: 1.0} if they hold none, then the root part's
 * Content-Type, Content-Transfer-Encoding (leaf parts) and other header fields, a blank line and the body. A
 * multipart without a {@code boundary} gets a random one ({@code =_spoolmail_} + 24 characters; "=_" occurs in no
 * base64 or quoted-printable text). A 7bit or 8bit text part with a line that starts like a delimiter of an
 * enclosing multipart is sent base64 instead. The output always ends with CRLF.
 *
 * <p>A {@code message/*} leaf (or a multipart not yet divided into parts) may only be 7bit, 8bit or binary
 * (RFC 2046 section 5.2.1, RFC 2045 section 6.4): when it holds 8-bit octets and the relay does not offer 8BITMIME,
 * it cannot be sent at all, and {@link #write} and {@link #checkWritable} refuse it naming the part, as IMAP numbers
 * parts (RFC 3501 section 6.4.5: {@code part 2 (message/rfc822)} is the second child of a multipart root).
 *
 * <p>Thread-safe: no state is kept between calls.
 *
 * @since 1.0.0
 */
public final class MessageWriter {

    private MessageWriter() {
    }

    /**
     * Writes the content.
     *
     * @param content the header section and MIME tree, translated (no {@link PartBody.Records} left)
     * @param out where the octets go; not closed. If it is a {@link Base64LineSink}, each binary part's base64 (in
     *     blocks of about 80,000 octets) goes to its {@code writeBase64Lines}, all else to its {@code write} methods
     * @param options what the receiver accepts
     * @throws IOException if reading content or writing fails
     * @throws IllegalStateException if a part still holds untranslated records, or a {@code message/*} or
     *     undivided multipart leaf holds 8-bit octets and {@code options} has no 8BITMIME (both before anything is
     *     written), or if a structured header field or an address holds non-ASCII text and {@code options} has no
     *     SMTPUTF8
     */
    public static void write(MailContent content, OutputStream out, WireOptions options) throws IOException {
        requireTranslated(content.root());
        CompositeOctets.requireSevenBitComposites(content.root(), options);
        BufferedOutputStream buffered = new BufferedOutputStream(out, 1 << 16);
        Base64Blocks.Target base64 = buffered::write;
        if (out instanceof Base64LineSink lines) {
            // What the buffer holds goes first; a block of base64 (80 KB) is larger than the buffer anyway.
            base64 = (b, off, len) -> {
                buffered.flush();
                lines.writeBase64Lines(b, off, len);
            };
        }
        writeTo(content, new PartWriter(buffered, base64, options), buffered);
        buffered.flush();
    }

    /**
     * Measures what {@link #write} would write, without encoding binary content: the header sections and text parts
     * are written into a counter as {@code write} writes them (a text part's content is read, twice as there), but
     * a {@link PartBody.Binary} part's base64 is counted from {@link ContentHandle#sizeOctets()}: {@code 4 *
     * ceil(n / 3)} characters in lines of 76 joined by CRLF, none 0x80 or above; its content is not read. An SMTP
     * client calls this before MAIL FROM for {@code SIZE=} (RFC 1870 section 4) and {@code BODY=8BITMIME} (RFC 6152
     * section 3). A multipart without a boundary is measured with a random one of the same length as {@code write}
     * makes, so the octets match.
     *
     * @param content the header section and MIME tree, translated (no {@link PartBody.Records} left)
     * @param options what the receiver accepts; the same as {@code write} will be given
     * @return the octets {@code write} writes (before dot-stuffing) and whether one is 0x80 or above
     * @throws IOException if reading a text part's content fails
     * @throws IllegalStateException in the cases where {@link #write} throws it
     * @since 1.0.0
     */
    public static WireSize measure(MailContent content, WireOptions options) throws IOException {
        requireTranslated(content.root());
        CompositeOctets.requireSevenBitComposites(content.root(), options);
        WireCounter counter = new WireCounter();
        writeTo(content, new PartWriter(counter, options), counter);
        return counter.size();
    }

    private static void writeTo(MailContent content, PartWriter writer, OutputStream out) throws IOException {
        for (HeaderField field : content.headers().fields()) {
            writer.writeField(field);
        }
        if (!content.headers().contains("MIME-Version")) {
            writer.writeField(new HeaderField("MIME-Version", "1.0"));
        }
        if (!writer.write(content.root(), List.of())) {
            out.write('\r');
            out.write('\n');
        }
    }

    /**
     * Checks, without writing, that {@link #write} can write the content for these options: every part
     * translated, every header field (of the message and of each part) encodable, and, when {@code options} has no
     * 8BITMIME, no {@code message/*} or undivided multipart leaf holding 8-bit octets (the content of those leaves
     * only is read; no other part's). A deliver stage calls this before it sends MAIL FROM, so that a message that
     * cannot go to this relay (an addr-spec with non-ASCII text to a relay without SMTPUTF8, RFC 6531 section 3.2;
     * an 8-bit {@code message/rfc822} to a relay without 8BITMIME, RFC 2046 section 5.2.1) fails before anything
     * is sent instead of half-way through the data.
     *
     * @param content the header section and MIME tree
     * @param options what the receiver accepts
     * @throws IllegalStateException if a part still holds untranslated records, if a structured header field or
     *     an address holds non-ASCII text and {@code options} has no SMTPUTF8 (the message names the field), or if
     *     a {@code message/*} or undivided multipart leaf holds 8-bit octets and {@code options} has no 8BITMIME
     *     (the message names the part, e.g. {@code part 2 (message/rfc822) holds 8-bit octets and the relay does
     *     not offer 8BITMIME; RFC 2046 section 5.2.1 forbids encoding it})
     * @throws java.io.UncheckedIOException if such a leaf's content cannot be read
     * @since 1.0.0
     */
    public static void checkWritable(MailContent content, WireOptions options) {
        requireTranslated(content.root());
        for (HeaderField field : content.headers().fields()) {
            HeaderFieldEncoder.encode(field, options);
        }
        checkPartHeaders(content.root(), options);
        CompositeOctets.requireSevenBitComposites(content.root(), options);
    }

    private static void checkPartHeaders(MimePart part, WireOptions options) {
        ParameterEncoder.contentType(part.contentType());
        for (HeaderField field : part.headers().fields()) {
            HeaderFieldEncoder.encode(field, options);
        }
        for (MimePart child : part.children()) {
            checkPartHeaders(child, options);
        }
    }

    private static void requireTranslated(MimePart root) {
        CompositeOctets.walk(root, (part, number) -> {
            if (part.body().filter(PartBody.Records.class::isInstance).isPresent()) {
                throw new IllegalStateException("part not translated: part " + number + " ("
                        + part.contentType().mediaType() + ") still holds records in their source CCSID");
            }
        });
    }
}
