package org.spoolmail.plugins.mime.encode;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.mail.ContentTransferEncoding;
import org.spoolmail.exits.mail.ContentType;
import org.spoolmail.exits.mail.HeaderSection;
import org.spoolmail.exits.mail.MimePart;
import org.spoolmail.exits.mail.PartBody;
import org.spoolmail.exits.mail.TextRecords;

/**
 * Reads the header lines of a hand-built part into a {@link MimePart}, leniently: names in any case, a dangling
 * ';', and the non-standard {@code Content-Encoding: 7bit} taken as the transfer encoding when the part gives no
 * Content-Transfer-Encoding. Other fields (Content-Disposition, Content-ID, ...) stay the part's header fields.
 * Thread-safe.
 */
final class PartHeaders {

    private static final Map<String, String> CANONICAL = Map.of(
            "content-disposition", "Content-Disposition",
            "content-id", "Content-ID",
            "content-description", "Content-Description",
            "content-language", "Content-Language",
            "content-location", "Content-Location",
            "content-md5", "Content-MD5");

    /**
     * Builds the part.
     *
     * @param lines the unfolded header lines, trailing blanks stripped
     * @param body the body records
     * @param defaultType the type when no Content-Type is given (text/plain; message/rfc822 in a digest)
     * @param where the part's place for error messages
     * @return the leaf part
     * @throws PermanentStageException if Content-Type, Content-Transfer-Encoding or a field cannot be read
     */
    MimePart toPart(List<String> lines, TextRecords body, ContentType defaultType, String where)
            throws PermanentStageException {
        ContentType type = null;
        ContentTransferEncoding encoding = null;
        ContentTransferEncoding contentEncoding = null;
        HeaderSection others = HeaderSection.EMPTY;
        for (String line : lines) {
            int colon = line.indexOf(':');
            String name = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            try {
                if (name.equalsIgnoreCase("Content-Type")) {
                    type = type == null ? ContentType.parse(value) : type;
                } else if (name.equalsIgnoreCase("Content-Transfer-Encoding")) {
                    encoding = ContentTransferEncoding.fromToken(value).orElseThrow(() ->
                            new IllegalArgumentException("unknown Content-Transfer-Encoding '" + value + "'"));
                } else if (name.equalsIgnoreCase("Content-Encoding")
                        && ContentTransferEncoding.fromToken(value).isPresent()) {
                    contentEncoding = ContentTransferEncoding.fromToken(value).get();
                } else {
                    others = others.with(CANONICAL.getOrDefault(name.toLowerCase(Locale.ROOT), name), value);
                }
            } catch (IllegalArgumentException e) {
                throw new PermanentStageException(where + ": header line '" + line + "': " + e.getMessage());
            }
        }
        ContentType finalType = type == null ? defaultType : type;
        Optional<ContentTransferEncoding> cte = Optional.ofNullable(encoding == null ? contentEncoding : encoding);
        return new MimePart(finalType, cte, AttachmentName.complete(others, finalType),
                Optional.of(new PartBody.Records(body)), List.of());
    }

    /**
     * Strips trailing blanks, tabs and NULs: the padding of fixed-length records.
     *
     * @param line a decoded record
     * @return the line without trailing padding
     */
    static String stripTrailing(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t'
                || line.charAt(end - 1) == '\0')) {
            end--;
        }
        return line.substring(0, end);
    }
}
