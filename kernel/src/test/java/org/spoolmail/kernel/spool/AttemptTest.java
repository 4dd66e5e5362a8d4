package org.spoolmail.kernel.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.spoolmail.exits.fake.MailObjects;
import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.Disposition;
import org.spoolmail.exits.mail.ForwardPath;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.RecipientResult;
import org.spoolmail.exits.mail.RecordFormat;
import org.spoolmail.exits.mail.SmtpReply;
import org.spoolmail.kernel.queue.ItemState;
import org.spoolmail.kernel.queue.QueueItem;
import org.spoolmail.kernel.queue.RecipientState;
import org.spoolmail.kernel.queue.Submission;

class AttemptTest {

    private static final ForwardPath OK = ForwardPath.parse("ok@example.com");
    private static final ForwardPath BUSY = ForwardPath.parse("busy@example.com");
    private static final ForwardPath GONE = ForwardPath.parse("gone@example.com");

    @Test
    void ofShouldRetryWithTheDeferredRecipientsReplyWhenTheRelayTookTheDataForOthers() {
        MailObject mail = MailObjects.builder().from("batch@example.com").to("ok@example.com")
                .to("busy@example.com").to("gone@example.com").build();
        Disposition d = Disposition.delivered(List.of(
                new RecipientResult(OK, RecipientResult.Status.ACCEPTED, Optional.of(SmtpReply.of(250, "2.1.5", "ok"))),
                new RecipientResult(BUSY, RecipientResult.Status.DEFERRED,
                        Optional.of(SmtpReply.of(450, "4.2.1", "mailbox busy"))),
                new RecipientResult(GONE, RecipientResult.Status.REFUSED,
                        Optional.of(SmtpReply.of(550, "5.1.1", "no such user")))),
                Optional.of(SmtpReply.of(250, "2.0.0", "queued")));

        Attempt a = Attempt.of(item(), List.of(OK, BUSY, GONE), "deliver", mail, d);

        assertEquals(Attempt.Next.RETRY, a.next());
        assertEquals("<busy@example.com> deferred: 450 4.2.1 mailbox busy", a.reason());
        assertEquals(List.of(RecipientState.Status.ACCEPTED, RecipientState.Status.DEFERRED,
                RecipientState.Status.REFUSED), a.recipients().stream().map(RecipientState::status).toList());
    }

    private static QueueItem item() {
        Submission s = new Submission("batch1", true, Map.of(), "pay.smtp", Optional.of("smtp-datastream"),
                Ccsid.ISO_8859_1, RecordFormat.LF, 0);
        return new QueueItem("20261204T120000-abcdef-0001", ItemState.ACTIVE, s, Instant.parse("2026-12-04T12:00:00Z"),
                1, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty());
    }
}
