package org.spoolmail.kernel.pipeline;

import java.util.List;

import org.spoolmail.exits.mail.MailObject;

/**
 * An input as its parser read it.
 *
 * @param parser the name of the parser that read it, e.g. {@code smtp-datastream}
 * @param mails its mail objects, in input order, not yet admitted (no queue ID of their own)
 */
public record ParsedInput(String parser, List<MailObject> mails) {

    /** Copies the list. */
    public ParsedInput {
        mails = List.copyOf(mails);
    }
}
