package org.spoolmail.plugins.mime.encode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.mail.ContentTransferEncoding;
import org.spoolmail.exits.mail.ContentType;
import org.spoolmail.exits.mail.MimePart;
import org.spoolmail.exits.mail.PartBody;

/**
 * Walks a MIME tree and gives it its final structure: undivided multiparts (one record body) are divided, every
 * multipart gets a fresh boundary, and binary leaves are marked base64. Thread-safe.
 */
final class PartStructure {

    private final Boundaries boundaries;
    private final MultipartSplitter splitter = new MultipartSplitter();

    PartStructure(Boundaries boundaries) {
        this.boundaries = boundaries;
    }

    /**
     * Returns the part with its final structure.
     *
     * @param part the part as parsed
     * @param where the part's place for error messages, e.g. {@code mail Q1 part 1.2}
     * @return the structured part
     * @throws PermanentStageException if a hand-built multipart cannot be divided
     * @throws IOException if content cannot be read or written
     */
    MimePart build(MimePart part, String where) throws PermanentStageException, IOException {
        if (part.isMultipart()) {
            List<MimePart> children = new ArrayList<>();
            for (int i = 0; i < part.children().size(); i++) {
                children.add(build(part.children().get(i), where + (where.contains(" part ") ? "." : " part ")
                        + (i + 1)));
            }
            MimePart divided = part.withChildren(children);
            ContentType type = part.contentType().withParameter("boundary", boundaries.freshFor(divided));
            return new MimePart(type, Optional.empty(), part.headers(), Optional.empty(), children);
        }
        PartBody body = part.body().orElseThrow();
        if (part.contentType().isMultipart() && body instanceof PartBody.Records records) {
            return build(splitter.divide(part, records.records(), where), where);
        }
        if (body instanceof PartBody.Binary
                && part.transferEncoding().filter(e -> e == ContentTransferEncoding.BASE64).isEmpty()) {
            return part.withBody(body, part.contentType(), Optional.of(ContentTransferEncoding.BASE64));
        }
        return part;
    }
}
