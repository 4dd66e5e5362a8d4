package org.spoolmail.exits;

import java.util.List;

import org.pf4j.ExtensionPoint;
import org.spoolmail.exits.mail.MailInput;
import org.spoolmail.exits.mail.MailObject;

/**
 * The parse stage: turns one input into one or more mail objects, since one SMTP datastream can hold several
 * transactions. The parser decides the envelope, the header section and the root MIME part; text stays in its
 * source CCSID as {@link org.spoolmail.exits.mail.PartBody.Records} until the codepage-translate stage. A file the
 * input names (an attachment) is opened only through {@link MailInput#files()}, never by path: the spool server, which
 * runs with more rights than its submitters, gives there only the octets captured at submission.
 *
 * <p>Lifecycle and threading as {@link Lifecycle}: {@code parse} may run concurrently for different inputs.
 *
 * @since 1.0.0
 */
public interface MailParser extends ExtensionPoint, Lifecycle {

    /**
     * Parses one input.
     *
     * @param input the input's octets, record format, CCSID and submitter
     * @return the mail objects in input order, at least one; each carries {@code input.identity()}
     * @throws PermanentStageException if the input is malformed; the message names the file and record and says
     *     why, and no mail object of this input is delivered
     * @throws TransientStageException if the input cannot be read now
     */
    List<MailObject> parse(MailInput input) throws StageException;

    /**
     * Tells whether this parser recognises the input's format, for automatic format detection.
     *
     * @param firstRecords the first few records, decoded with the input's CCSID, blanks trimmed
     * @return true if this parser takes the input
     */
    default boolean recognises(List<String> firstRecords) {
        return false;
    }
}
