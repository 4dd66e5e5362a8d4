package org.spoolmail.plugins.mime.encode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.spoolmail.exits.mail.HeaderSection;

/**
 * Removes the blind-copy header fields, Bcc and Resent-Bcc, from the header section sent to every recipient, as
 * {@code sendmail -t} does (RFC 5322 section 3.6.3 allows this way of sending Bcc: the field is removed and the
 * addresses stay in the envelope only). Done for every input format, so a Bcc written in a datastream's DATA or a
 * Resent-Bcc of an RFC 5322 message never reaches the recipients. Stateless.
 */
final class BlindCopies {

    /** The fields removed, in the order they are named in the trace. */
    static final List<String> NAMES = List.of("Bcc", "Resent-Bcc");

    private BlindCopies() {
    }

    /**
     * @param headers the header section
     * @return the section without Bcc and Resent-Bcc fields
     */
    static HeaderSection strip(HeaderSection headers) {
        HeaderSection out = headers;
        for (String name : NAMES) {
            out = out.without(name);
        }
        return out;
    }

    /**
     * @param headers the header section before {@link #strip}
     * @return the trace note, e.g. {@code removed Bcc (2), Resent-Bcc (1): blind copies are not shown to the
     *     recipients}, or empty when there was none
     */
    static Optional<String> note(HeaderSection headers) {
        List<String> removed = new ArrayList<>();
        for (String name : NAMES) {
            int count = headers.all(name).size();
            if (count > 0) {
                removed.add(name + " (" + count + ")");
            }
        }
        return removed.isEmpty() ? Optional.empty() : Optional.of("removed " + String.join(", ", removed)
                + ": blind copies are not shown to the recipients");
    }
}
