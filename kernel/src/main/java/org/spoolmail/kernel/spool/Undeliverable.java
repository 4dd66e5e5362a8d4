package org.spoolmail.kernel.spool;

import java.util.List;

import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.kernel.queue.QueueItem;
import org.spoolmail.kernel.queue.RecipientState;

/** Tells the sender about recipients the spool gave up on: refused for good, or still open past the maximum age. */
interface Undeliverable {

    /**
     * @param item the item
     * @param mail the mail object of the last attempt
     * @param failed the recipients, each with its last reply
     * @param expired true when they are failed because the item passed its maximum age (a 4.x.x status)
     */
    void report(QueueItem item, MailObject mail, List<RecipientState> failed, boolean expired);
}
