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
 * multipart gets a fresh boundary, and binary leaves are marked base64. Multiparts nested more than
 * {@value #MAX_NESTING} deep are refused as bad input: no mail needs them, and every later walk of the tree (this
 * one, translation, writing) recurses once per level, so 1,000 levels would end the run in a StackOverflowError
 * (Postfix's {@code mime_nesting_limit} is 100 as well). Thread-safe.
 */
final class PartStructure {

    /** The deepest multipart nesting taken: the root multipart is level 1. */
    static final int MAX_NESTING = 100;

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
     * @throws PermanentStageException if a hand-built multipart cannot be divided, or multiparts are nested more
     *     than {@value #MAX_NESTING} deep
     * @throws IOException if content cannot be read or written
     */
    MimePart build(MimePart part, String where) throws PermanentStageException, IOException {
        return build(part, where, 0);
    }

    private MimePart build(MimePart part, String where, int depth) throws PermanentStageException, IOException {
        boolean multipart = part.isMultipart() || part.contentType().isMultipart();
        if (multipart && depth == MAX_NESTING) {
            throw new PermanentStageException(where + ": multipart parts are nested more than " + MAX_NESTING
                    + " levels deep, which no mail needs; refusing it rather than walking it");
        }
        if (part.isMultipart()) {
            List<MimePart> children = new ArrayList<>();
            for (int i = 0; i < part.children().size(); i++) {
                children.add(build(part.children().get(i), where + (where.contains(" part ") ? "." : " part ")
                        + (i + 1), depth + 1));
            }
            MimePart divided = part.withChildren(children);
            ContentType type = part.contentType().withParameter("boundary", boundaries.freshFor(divided));
            return new MimePart(type, Optional.empty(), part.headers(), Optional.empty(), children);
        }
        PartBody body = part.body().orElseThrow();
        if (part.contentType().isMultipart() && body instanceof PartBody.Records records) {
            return build(splitter.divide(part, records.records(), where), where, depth);
        }
        if (body instanceof PartBody.Binary
                && part.transferEncoding().filter(e -> e == ContentTransferEncoding.BASE64).isEmpty()) {
            return part.withBody(body, part.contentType(), Optional.of(ContentTransferEncoding.BASE64));
        }
        return part;
    }
}
