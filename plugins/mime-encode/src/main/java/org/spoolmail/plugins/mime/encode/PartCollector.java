package org.spoolmail.plugins.mime.encode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.TextRecords;

/**
 * Collects the records of one part between two delimiter lines: first its header lines (ending at a blank record,
 * which is dropped, or at the first record that is neither a header field nor a continuation, which is body), then
 * its body records as raw octets. Not thread-safe: one per part.
 */
final class PartCollector {

    private static final Pattern FIELD_START = Pattern.compile("[\\x21-\\x39\\x3B-\\x7E]+[ \\t]*:.*");

    private final List<String> headerLines = new ArrayList<>();
    private final TextRecords.Writer body;
    private boolean inHeader = true;
    private long bodyRecords;

    PartCollector(Ccsid ccsid) {
        this.body = TextRecords.writer(ccsid);
    }

    /**
     * Adds one record of the part.
     *
     * @param record the raw octets
     * @param line the record decoded with its CCSID, trailing blanks stripped
     * @throws IOException if the body cannot spill to its temporary file
     */
    void add(byte[] record, String line) throws IOException {
        if (inHeader) {
            if (line.isEmpty()) {
                inHeader = false;
                return;
            }
            if (!headerLines.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
                int last = headerLines.size() - 1;
                headerLines.set(last, headerLines.get(last) + line);
                return;
            }
            if (FIELD_START.matcher(line).matches()) {
                headerLines.add(line);
                return;
            }
            inHeader = false;
        }
        body.add(record);
        bodyRecords++;
    }

    /** @return true if the part had no header line and no body record (a delimiter at the end of input) */
    boolean isEmpty() {
        return headerLines.isEmpty() && bodyRecords == 0;
    }

    /** @return the unfolded header lines */
    List<String> headerLines() {
        return headerLines;
    }

    /**
     * Finishes the body.
     *
     * @return the body records
     * @throws IOException if the temporary file cannot be closed
     */
    TextRecords finish() throws IOException {
        return body.finish();
    }
}
