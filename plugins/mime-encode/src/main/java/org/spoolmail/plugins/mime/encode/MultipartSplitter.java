package org.spoolmail.plugins.mime.encode;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.mail.ContentType;
import org.spoolmail.exits.mail.MimePart;
import org.spoolmail.exits.mail.TextRecords;

/**
 * Divides the records of a hand-built multipart (RFC 2046 section 5.1) at its boundary lines, as batch jobs write
 * them: delimiter lines compared after trailing blanks are stripped, the preamble and epilogue dropped, and a
 * missing closing delimiter ending the last part at the end of the input. Each part's body keeps the raw octets of
 * its records, in the same CCSID. Reads the records once, streaming. Thread-safe.
 */
final class MultipartSplitter {

    private final PartHeaders partHeaders = new PartHeaders();

    /**
     * Divides a multipart leaf into a multipart with one child per part (nested multiparts stay undivided).
     *
     * @param part the multipart leaf
     * @param records its body
     * @param where the part's place for error messages
     * @return the multipart with children, keeping the declared boundary
     * @throws PermanentStageException if there is no boundary parameter or no delimiter line
     * @throws IOException if the records cannot be read or written
     */
    MimePart divide(MimePart part, TextRecords records, String where) throws PermanentStageException, IOException {
        String boundary = part.contentType().parameter("boundary").filter(b -> !b.isBlank())
                .orElseThrow(() -> new PermanentStageException(where + ": " + part.contentType().mediaType()
                        + " has no boundary parameter, so its parts cannot be found"));
        List<PartCollector> collected = collect(records, boundary);
        if (collected.isEmpty()) {
            throw new PermanentStageException(where + ": " + part.contentType().mediaType() + " declares boundary \""
                    + boundary + "\" but no body record is the delimiter line \"--" + boundary + "\"");
        }
        ContentType defaultType = part.contentType().subtype().equals("digest")
                ? ContentType.parse("message/rfc822") : ContentType.TEXT_PLAIN;
        List<MimePart> children = new ArrayList<>();
        for (int i = 0; i < collected.size(); i++) {
            PartCollector c = collected.get(i);
            children.add(partHeaders.toPart(c.headerLines(), c.finish(), defaultType,
                    where + (where.contains(" part ") ? "." : " part ") + (i + 1)));
        }
        return new MimePart(part.contentType(), Optional.empty(), part.headers(), Optional.empty(), children);
    }

    private static List<PartCollector> collect(TextRecords records, String boundary) throws IOException {
        Charset charset = records.ccsid().charset();
        String delimiter = "--" + boundary;
        List<PartCollector> parts = new ArrayList<>();
        PartCollector current = null;
        try (TextRecords.Cursor cursor = records.open()) {
            byte[] record;
            while ((record = cursor.next()) != null) {
                String line = PartHeaders.stripTrailing(new String(record, charset));
                if (line.equals(delimiter + "--")) {
                    return parts;
                }
                if (line.equals(delimiter)) {
                    current = new PartCollector(records.ccsid());
                    parts.add(current);
                } else if (current != null) {
                    current.add(record, line);
                }
            }
        }
        if (current != null && current.isEmpty()) {
            parts.remove(current);
        }
        return parts;
    }
}
