package org.spoolmail.exits.mail;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes a MIME part tree for {@link MessageWriter}: each part's Content-Type, Content-Transfer-Encoding and other
 * header fields, a blank line, then its body or its children between boundary delimiters. Bodies are streamed
 * from their content handles; a text body is read twice (once to choose the encoding, once to write it).
 */
final class PartWriter {

    private static final byte[] CRLF = {'\r', '\n'};
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String BOUNDARY_CHARS = "0123456789abcdefghijklmnopqrstuvwxyz";

    private final OutputStream out;
    private final Base64Blocks.Target base64;
    private final WireOptions options;
    private final Optional<WireCounter> measuring;

    /**
     * @param out where everything goes
     * @param base64 where a binary part's base64 blocks go: {@code out}, or past it in order (after flushing it)
     * @param options what the receiver accepts
     */
    PartWriter(OutputStream out, Base64Blocks.Target base64, WireOptions options) {
        this.out = out;
        this.base64 = base64;
        this.options = options;
        this.measuring = Optional.empty();
    }

    /**
     * A writer that only measures: everything goes to the counter as it would be written, except that a binary
     * part's base64 is counted from its size ({@link Base64Blocks#encodedLength}) without reading its content.
     */
    PartWriter(WireCounter counter, WireOptions options) {
        this.out = counter;
        this.base64 = counter::write;
        this.options = options;
        this.measuring = Optional.of(counter);
    }

    /**
     * Writes a part: its header fields, a blank line and its body.
     *
     * @param part the part
     * @param boundaries the boundaries of the enclosing multiparts, outermost first
     * @return true if the output now ends with CRLF
     * @throws IOException if reading content or writing fails
     */
    boolean write(MimePart part, List<String> boundaries) throws IOException {
        return part.isMultipart() ? writeMultipart(part, boundaries) : writeLeaf(part, boundaries);
    }

    /**
     * Writes one header field in its wire form.
     *
     * @param field the field
     * @throws IOException if writing fails
     */
    void writeField(HeaderField field) throws IOException {
        writeHeaderText(HeaderFieldEncoder.encode(field, options));
    }

    private boolean writeMultipart(MimePart part, List<String> boundaries) throws IOException {
        String boundary = part.contentType().parameter("boundary").filter(b -> !b.isEmpty())
                .orElseGet(PartWriter::newBoundary);
        writeHeaders(part.contentType().withParameter("boundary", boundary), Optional.empty(), part.headers());
        List<String> inner = new ArrayList<>(boundaries);
        inner.add(boundary);
        for (MimePart child : part.children()) {
            writeHeaderText("--" + boundary + "\r\n");
            write(child, inner);
            out.write(CRLF);
        }
        writeHeaderText("--" + boundary + "--");
        return false;
    }

    private boolean writeLeaf(MimePart part, List<String> boundaries) throws IOException {
        PartBody body = part.body().orElseThrow();
        ContentType type = part.contentType();
        if (body instanceof PartBody.Binary binary) {
            writeHeaders(type, Optional.of(ContentTransferEncoding.BASE64), part.headers());
            if (measuring.isPresent()) {
                measuring.get().add(Base64Blocks.encodedLength(binary.content().sizeOctets()));
                return false;
            }
            try (InputStream in = binary.content().open()) {
                Base64Blocks.encode(in, base64);
            }
            return false;
        }
        if (!(body instanceof PartBody.Text text)) {
            throw new IllegalStateException("part not translated: " + type.mediaType());
        }
        if (type.isText() && type.parameter("charset").isEmpty()) {
            type = type.withParameter("charset", text.charset().name());
        }
        ContentTransferEncoding cte = part.transferEncoding().filter(ContentTransferEncoding::isEncoding)
                .orElse(null);
        boolean passThrough = cte != null;
        if (!passThrough) {
            cte = choose(text.content(), type, boundaries);
        }
        writeHeaders(type, Optional.of(cte), part.headers());
        return writeText(text.content(), cte, passThrough);
    }

    private ContentTransferEncoding choose(ContentHandle content, ContentType type, List<String> boundaries)
            throws IOException {
        TextScan scan = new TextScan(boundaries);
        try (InputStream in = content.open(); OutputStream sink = new CrlfNormalizingOutputStream(scan)) {
            in.transferTo(sink);
        }
        scan.close();
        boolean composite = type.isMultipart() || type.type().equals("message");
        if (composite) {
            // RFC 2045 section 6.4: a composite type may only be 7bit, 8bit or binary; MessageWriter has refused an
            // 8-bit one for a relay without 8BITMIME before anything was written (CompositeOctets).
            return scan.highOctets() ? ContentTransferEncoding.EIGHT_BIT : ContentTransferEncoding.SEVEN_BIT;
        }
        return scan.choose(options);
    }

    private boolean writeText(ContentHandle content, ContentTransferEncoding cte, boolean passThrough)
            throws IOException {
        boolean reEncode = !passThrough && cte.isEncoding();
        OutputStream target = new Shield(out);
        if (reEncode) {
            target = cte == ContentTransferEncoding.BASE64 ? base64(out) : new QuotedPrintableOutputStream(target);
        } else if (passThrough) {
            target = new EncodedTextGuard(target, cte);
        }
        CrlfNormalizingOutputStream text = new CrlfNormalizingOutputStream(target);
        try (InputStream in = content.open()) {
            in.transferTo(text);
        }
        text.close();
        target.close();
        return cte != ContentTransferEncoding.BASE64 && text.atLineStart();
    }

    private void writeHeaders(ContentType type, Optional<ContentTransferEncoding> cte, HeaderSection headers)
            throws IOException {
        writeHeaderText(ParameterEncoder.contentType(type));
        if (cte.isPresent()) {
            writeHeaderText("Content-Transfer-Encoding: " + cte.get().token() + "\r\n");
        }
        for (HeaderField field : headers.fields()) {
            writeField(field);
        }
        out.write(CRLF);
    }

    /** Header text is ASCII, or UTF-8 where SMTPUTF8 lets it stay unencoded. */
    private void writeHeaderText(String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
    }

    private static OutputStream base64(OutputStream target) {
        return java.util.Base64.getMimeEncoder(76, CRLF).wrap(new Shield(target));
    }

    private static String newBoundary() {
        StringBuilder b = new StringBuilder("=_spoolmail_");
        for (int i = 0; i < 24; i++) {
            b.append(BOUNDARY_CHARS.charAt(RANDOM.nextInt(BOUNDARY_CHARS.length())));
        }
        return b.toString();
    }

    /** Passes octets on in bulk; close() only flushes, so encoders can be finished without closing the target. */
    private static final class Shield extends FilterOutputStream {
        Shield(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
