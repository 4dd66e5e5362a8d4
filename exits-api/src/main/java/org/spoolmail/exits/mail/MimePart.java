package org.spoolmail.exits.mail;

import java.util.List;
import java.util.Optional;

/**
 * A MIME part (RFC 2045 section 2.4, RFC 2046): its Content-Type, its Content-Transfer-Encoding if one is fixed,
 * its other header fields (Content-Disposition, Content-ID, ...), and either a body (a leaf) or child parts
 * (a multipart).
 *
 * <p>Content-Type and Content-Transfer-Encoding are held only in their typed components, never in
 * {@code headers}. An empty {@code transferEncoding} means "chosen when the message is written", from the final
 * octets and what the relay offers. A multipart whose body has not been divided into parts yet (as parsed from a
 * datastream, before the mime-encode stage) is a leaf with a multipart Content-Type.
 *
 * @param contentType the Content-Type
 * @param transferEncoding the Content-Transfer-Encoding, or empty to choose when writing
 * @param headers the part's other header fields
 * @param body the content of a leaf; empty for a multipart with children
 * @param children the child parts of a multipart; empty for a leaf
 * @since 1.0.0
 */
public record MimePart(ContentType contentType, Optional<ContentTransferEncoding> transferEncoding,
        HeaderSection headers, Optional<PartBody> body, List<MimePart> children) {

    /**
     * Checks the shape.
     *
     * @param contentType the Content-Type
     * @param transferEncoding the Content-Transfer-Encoding, or empty to choose when writing
     * @param headers the part's other header fields
     * @param body the content of a leaf; empty for a multipart with children
     * @param children the child parts of a multipart; empty for a leaf
     * @throws IllegalArgumentException if the part has both or neither of body and children, if children are
     *     given to a non-multipart type, or if {@code headers} holds Content-Type or Content-Transfer-Encoding
     */
    public MimePart {
        java.util.Objects.requireNonNull(contentType, "contentType");
        java.util.Objects.requireNonNull(transferEncoding, "transferEncoding");
        java.util.Objects.requireNonNull(headers, "headers");
        java.util.Objects.requireNonNull(body, "body");
        children = List.copyOf(children);
        if (body.isPresent() == !children.isEmpty()) {
            throw new IllegalArgumentException("a MIME part has either a body or child parts, not both or neither");
        }
        if (!children.isEmpty() && !contentType.isMultipart()) {
            throw new IllegalArgumentException("only a multipart may have child parts, not " + contentType.mediaType());
        }
        if (headers.contains("Content-Type") || headers.contains("Content-Transfer-Encoding")) {
            throw new IllegalArgumentException("Content-Type and Content-Transfer-Encoding are typed components");
        }
    }

    /**
     * Makes a leaf part with no other header fields.
     *
     * @param contentType the Content-Type
     * @param transferEncoding the encoding, or empty to choose when writing
     * @param body the content
     * @return the part
     */
    public static MimePart leaf(ContentType contentType, Optional<ContentTransferEncoding> transferEncoding,
            PartBody body) {
        return new MimePart(contentType, transferEncoding, HeaderSection.EMPTY, Optional.of(body), List.of());
    }

    /**
     * Makes a multipart; the caller puts the {@code boundary} parameter on the content type.
     *
     * @param contentType a {@code multipart/*} type
     * @param children at least one child part
     * @return the part
     */
    public static MimePart multipart(ContentType contentType, List<MimePart> children) {
        return new MimePart(contentType, Optional.empty(), HeaderSection.EMPTY, Optional.empty(), children);
    }

    /** @return true for a part with child parts */
    public boolean isMultipart() {
        return !children.isEmpty();
    }

    /**
     * Returns this part with another body, for stages that transform content.
     *
     * @param newBody the new body
     * @param newType the Content-Type that describes it
     * @param newEncoding the transfer encoding, or empty to choose when writing
     * @return a new part with the same other header fields
     */
    public MimePart withBody(PartBody newBody, ContentType newType, Optional<ContentTransferEncoding> newEncoding) {
        return new MimePart(newType, newEncoding, headers, Optional.of(newBody), List.of());
    }

    /**
     * Returns this multipart with other children.
     *
     * @param newChildren the child parts
     * @return a new part
     */
    public MimePart withChildren(List<MimePart> newChildren) {
        return new MimePart(contentType, Optional.empty(), headers, Optional.empty(), newChildren);
    }

    /**
     * Returns this part with other header fields.
     *
     * @param newHeaders the header fields other than Content-Type and Content-Transfer-Encoding
     * @return a new part
     */
    public MimePart withHeaders(HeaderSection newHeaders) {
        return new MimePart(contentType, transferEncoding, newHeaders, body, children);
    }

    /**
     * Returns the leaf parts of this tree, depth first.
     *
     * @return this part if it is a leaf, otherwise the leaves of its children
     */
    public List<MimePart> leaves() {
        if (!isMultipart()) {
            return List.of(this);
        }
        return children.stream().flatMap(c -> c.leaves().stream()).toList();
    }

    /**
     * Returns the file name of an attachment: Content-Disposition {@code filename}, else Content-Type {@code name}.
     *
     * @return the file name, or empty if the part has none
     */
    public Optional<String> fileName() {
        Optional<String> fromDisposition = headers.first("Content-Disposition")
                .flatMap(d -> ContentType.parse("x/x;" + d.substring(Math.max(0, d.indexOf(';') + 1)))
                        .parameter("filename"))
                .filter(s -> !s.isBlank());
        return fromDisposition.or(() -> contentType.parameter("name"));
    }
}
