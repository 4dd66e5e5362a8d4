package org.spoolmail.kernel.spool;

import java.util.List;

import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.kernel.queue.QueueItem;
import org.spoolmail.kernel.queue.RecipientState;

/** Reports undeliverable mail to its sender with a delivery status notification (RFC 3464). */
public final class DeliveryReports implements Undeliverable {

    private final ItemLog log;

    /** @param log where a line about each report goes */
    public DeliveryReports(ItemLog log) {
        this.log = log;
    }

    @Override
    public void report(QueueItem item, MailObject mail, List<RecipientState> failed, boolean expired) {
        log.line(item.id() + " undeliverable to " + String.join(" ", failed.stream()
                .map(RecipientState::forwardPath).toList()));
    }
}
