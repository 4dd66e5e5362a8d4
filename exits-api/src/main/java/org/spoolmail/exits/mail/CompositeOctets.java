package org.spoolmail.exits.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.BiConsumer;

/**
 * Finds a {@code message/*} or undivided {@code multipart/*} leaf whose text holds 8-bit octets when the relay
 * does not offer 8BITMIME. Such a part cannot go: RFC 2046 section 5.2.1 forbids quoted-printable and base64 for
 * {@code message/*}, RFC 2045 section 6.4 for every composite type, and RFC 6152 forbids 8bit data to a relay
 * that did not offer 8BITMIME. Parts are numbered as IMAP numbers body sections (RFC 3501 section 6.4.5): a leaf
 * message is part 1; the children of a multipart are 1, 2, ..., their children 2.1, 2.2, ...
 */
final class CompositeOctets {

    private CompositeOctets() {
    }

    /**
     * Visits every part with its number.
     *
     * @param root the root part
     * @param visit called with each part and its number; a multipart root's number is empty
     */
    static void walk(MimePart root, BiConsumer<MimePart, String> visit) {
        walk(root, root.isMultipart() ? "" : "1", visit);
    }

    private static void walk(MimePart part, String number, BiConsumer<MimePart, String> visit) {
        visit.accept(part, number);
        for (int i = 0; i < part.children().size(); i++) {
            walk(part.children().get(i), (number.isEmpty() ? "" : number + ".") + (i + 1), visit);
        }
    }

    /**
     * Checks every composite leaf when the relay lacks 8BITMIME, reading only those leaves' content.
     *
     * @param root the root part, translated
     * @param options what the relay accepts
     * @throws IllegalStateException naming the part and the rule, if a composite leaf holds an octet over 127
     * @throws UncheckedIOException if a composite leaf's content cannot be read
     */
    static void requireSevenBitComposites(MimePart root, WireOptions options) {
        if (options.eightBitMime()) {
            return;
        }
        walk(root, (part, number) -> {
            ContentType type = part.contentType();
            boolean composite = type.isMultipart() || type.type().equals("message");
            if (composite && part.body().orElse(null) instanceof PartBody.Text text && holdsHighOctets(text)) {
                String rule = type.type().equals("message") ? "RFC 2046 section 5.2.1" : "RFC 2045 section 6.4";
                throw new IllegalStateException("part " + number + " (" + type.mediaType() + ") holds 8-bit octets"
                        + " and the relay does not offer 8BITMIME; " + rule + " forbids encoding it");
            }
        });
    }

    private static boolean holdsHighOctets(PartBody.Text text) {
        byte[] buffer = new byte[8192];
        try (InputStream in = text.content().open()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] < 0) {
                        return true;
                    }
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + text.content() + ": " + e.getMessage(), e);
        }
    }
}
