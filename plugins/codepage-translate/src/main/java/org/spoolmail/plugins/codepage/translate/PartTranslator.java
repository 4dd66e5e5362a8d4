package org.spoolmail.plugins.codepage.translate;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.mail.ContentTransferEncoding;
import org.spoolmail.exits.mail.ContentType;
import org.spoolmail.exits.mail.MimePart;
import org.spoolmail.exits.mail.PartBody;
import org.spoolmail.exits.mail.TextRecords;

/**
 * Translates one leaf whose body is records into text, and labels it truthfully.
 *
 * <p>Which charset decodes: an EBCDIC CCSID's own charset (a part that declares ISO-8859-1 but came from EBCDIC
 * is translated and relabelled); for ASCII-family input, the charset the part declares if this JDK knows it, else
 * the CCSID's (also for a declared US-ASCII, so that stray 8-bit octets keep their CCSID meaning instead of
 * becoming U+FFFD). A quoted-printable or base64 part holds encoded transfer text: only its characters are translated
 * (EBCDIC "=E9" to ASCII "=E9"), written as US-ASCII, and its encoding and declared charset kept, since they
 * describe the decoded octets. Any other part gets the target charset, or UTF-8 when the target cannot hold its
 * text, and an empty transfer encoding for the writer to choose. Every record is decoded strictly: octets not valid
 * in the source charset refuse the mail naming the part, the line and a hint at --codepage. Thread-safe.
 */
final class PartTranslator {

    private final RecordTranscoder transcoder = new RecordTranscoder();
    private final Charset target;
    private final boolean strip;

    PartTranslator(Charset target, boolean strip) {
        this.target = target;
        this.strip = strip;
    }

    /**
     * The translated part and what it took.
     *
     * @param part the part with a text body
     * @param blanked line-end characters and NULs inside records replaced with blanks, and the first of them
     * @param encoded true if the part kept its quoted-printable or base64 form
     * @param fellBack true if the target charset could not hold the text and UTF-8 was used
     */
    record Translated(MimePart part, RecordTranscoder.Result blanked, boolean encoded, boolean fellBack) {
    }

    Translated translate(MimePart part, TextRecords records, String where) throws PermanentStageException,
            IOException {
        try {
            return translateOrFallBack(part, records, where);
        } catch (RecordTranscoder.UndecodableException e) {
            throw new PermanentStageException(where + " " + e.getMessage());
        }
    }

    private Translated translateOrFallBack(MimePart part, TextRecords records, String where)
            throws PermanentStageException, IOException, RecordTranscoder.UndecodableException {
        boolean encoded = part.transferEncoding().map(ContentTransferEncoding::isEncoding).orElse(false);
        Charset source = sourceCharset(part.contentType(), records, encoded);
        try {
            if (encoded) {
                RecordTranscoder.Result r = transcoder.transcode(records, source, StandardCharsets.US_ASCII, strip);
                PartBody body = new PartBody.Text(r.content(), StandardCharsets.US_ASCII);
                return new Translated(part.withBody(body, part.contentType(), part.transferEncoding()), r, true,
                        false);
            }
            return relabelled(part, records, source, target, false);
        } catch (RecordTranscoder.UnmappableException e) {
            if (encoded) {
                throw new PermanentStageException(where + ": the part is declared "
                        + part.transferEncoding().orElseThrow().token() + " but body " + e.getMessage()
                        + " (only US-ASCII may appear in that form)");
            }
            return fallBack(part, records, source, where);
        }
    }

    private Translated fallBack(MimePart part, TextRecords records, Charset source, String where)
            throws PermanentStageException, IOException, RecordTranscoder.UndecodableException {
        try {
            return relabelled(part, records, source, StandardCharsets.UTF_8, true);
        } catch (RecordTranscoder.UnmappableException e) {
            throw new PermanentStageException(where + ": body " + e.getMessage() + " even as UTF-8");
        }
    }

    private Translated relabelled(MimePart part, TextRecords records, Charset source, Charset to, boolean fellBack)
            throws IOException, RecordTranscoder.UnmappableException, RecordTranscoder.UndecodableException {
        RecordTranscoder.Result r = transcoder.transcode(records, source, to, strip);
        ContentType type = part.contentType();
        if (!type.isMultipart() && !type.type().equals("message")) {
            type = type.withParameter("charset", to.name().toLowerCase(Locale.ROOT));
        }
        return new Translated(part.withBody(new PartBody.Text(r.content(), to), type, Optional.empty()), r, false,
                fellBack);
    }

    static Charset sourceCharset(ContentType type, TextRecords records, boolean encoded) {
        if (encoded || records.ccsid().isEbcdic()) {
            return records.ccsid().charset();
        }
        return type.parameter("charset").flatMap(PartTranslator::known)
                .filter(c -> !c.equals(StandardCharsets.US_ASCII))
                .orElse(records.ccsid().charset());
    }

    private static Optional<Charset> known(String name) {
        try {
            return Charset.isSupported(name.strip()) ? Optional.of(Charset.forName(name.strip())) : Optional.empty();
        } catch (IllegalCharsetNameException e) {
            return Optional.empty();
        }
    }
}
