package org.spoolmail.exits.mail;

/**
 * The content of a mail object (RFC 5321 section 2.3.1): the message header section and the root MIME part.
 *
 * <p>The message's own Content-Type and Content-Transfer-Encoding live in the root part; {@code headers} holds
 * every other header field (From, To, Subject, Date, Message-ID, MIME-Version, ...). A plain text message is a
 * root part of type text/plain.
 *
 * @param headers the message header fields other than Content-Type and Content-Transfer-Encoding
 * @param root the root MIME part
 * @since 1.0.0
 */
public record MailContent(HeaderSection headers, MimePart root) {

    /**
     * Checks the components.
     *
     * @param headers the message header fields other than Content-Type and Content-Transfer-Encoding
     * @param root the root MIME part
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if {@code headers} holds Content-Type or Content-Transfer-Encoding
     */
    public MailContent {
        java.util.Objects.requireNonNull(headers, "headers");
        java.util.Objects.requireNonNull(root, "root");
        if (headers.contains("Content-Type") || headers.contains("Content-Transfer-Encoding")) {
            throw new IllegalArgumentException("Content-Type and Content-Transfer-Encoding belong to the root part");
        }
    }

    /**
     * Returns this content with other header fields.
     *
     * @param newHeaders the new message header fields
     * @return new content
     */
    public MailContent withHeaders(HeaderSection newHeaders) {
        return new MailContent(newHeaders, root);
    }

    /**
     * Returns this content with another root part.
     *
     * @param newRoot the new root part
     * @return new content
     */
    public MailContent withRoot(MimePart newRoot) {
        return new MailContent(headers, newRoot);
    }

    /**
     * Returns the size of the content before transfer encoding: the sum of the leaf bodies.
     *
     * @return an estimate of the size in octets
     */
    public long bodySizeOctets() {
        return root.leaves().stream().mapToLong(p -> p.body().map(PartBody::sizeOctets).orElse(0L)).sum();
    }
}
