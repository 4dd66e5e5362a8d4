package org.spoolmail.plugins.mime.encode;

import java.util.List;

import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.mail.HeaderSection;

/**
 * The header fields RFC 5322 section 3.6 allows at most once: Date, From, Sender, Reply-To, To, Cc, Bcc,
 * Message-ID, In-Reply-To, References and Subject. A message with two of one is refused rather than sent: which
 * one a reader shows differs between programs, so a second From or To is a way to mislead.
 */
final class SingleFields {

    /** In the order of the table in RFC 5322 section 3.6. */
    static final List<String> NAMES = List.of("Date", "From", "Sender", "Reply-To", "To", "Cc", "Bcc",
            "Message-ID", "In-Reply-To", "References", "Subject");

    private SingleFields() {
    }

    /**
     * Checks a header section.
     *
     * @param headers the message's header section
     * @param mail the mail, for the message, e.g. {@code mail 42}
     * @throws PermanentStageException naming the first field that occurs more than once and how often
     */
    static void check(HeaderSection headers, String mail) throws PermanentStageException {
        for (String name : NAMES) {
            long count = headers.fields().stream().filter(f -> f.hasName(name)).count();
            if (count > 1) {
                throw new PermanentStageException(mail + ": header field " + name + " occurs " + count
                        + " times; RFC 5322 section 3.6 allows one");
            }
        }
    }
}
