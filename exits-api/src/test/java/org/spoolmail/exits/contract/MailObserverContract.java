package org.spoolmail.exits.contract;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.spoolmail.exits.MailObserver;
import org.spoolmail.exits.fake.MailObjects;
import org.spoolmail.exits.mail.Disposition;
import org.spoolmail.exits.mail.ForwardPath;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.RecipientResult;
import org.spoolmail.exits.mail.SmtpReply;

/**
 * The contract every observer (log stage) passes, built-in or a site's: the {@link LifecycleContract} checks;
 * {@code observe} of a delivered and of a held mail object returns normally; and one instance observes from 8
 * threads at once, 16 calls each, without a failure, as the kernel calls it for items that end together. If the
 * subclass can count what the observer recorded ({@link #recordCount()}), every call must have left one record.
 *
 * <p>A site tests its observer by extending this class in its own tests:
 *
 * <pre>{@code
 * class MyObserverContractTest extends MailObserverContract {
 *     protected MailObserver newExtension() { return new MyObserver(); }
 *     protected Map<String, Object> validConfig() { return Map.of("directory", "audit"); }  // under baseDirectory
 *     protected OptionalLong recordCount() throws IOException {
 *         return OptionalLong.of(Files.readAllLines(baseDirectory.resolve("audit/records.log")).size());
 *     }
 * }
 * }</pre>
 */
public abstract class MailObserverContract extends LifecycleContract<MailObserver> {

    /** @return a mail object as the deliver stage leaves it; by default a plain text mail with From and Subject */
    protected MailObject deliveredMail() {
        return MailObjects.builder().header("From", "Sender <sender@example.org>").header("Subject", "contract")
                .header("Message-ID", "<contract.1@example.org>").id("CONTRACT1").build();
    }

    /** @return a mail object that an exit routine failure held; by default one with no header fields */
    protected MailObject heldMail() {
        return MailObjects.builder().from("other@example.net").id("CONTRACT2").build();
    }

    /**
     * How many records the observer has written since the test began, read from where it writes them (a file
     * under {@code baseDirectory}, a fake sink); empty if the subclass cannot tell, and then only the absence of
     * failures is checked.
     *
     * @return the number of records, or empty
     * @throws Exception if the records cannot be read
     */
    protected OptionalLong recordCount() throws Exception {
        return OptionalLong.empty();
    }

    /** The work method. */
    @Nested
    class Observe {

        @Test
        void observeShouldReturnNormallyWhenTheMailWasDelivered() throws Exception {
            MailObserver observer = initialised();
            MailObject mail = deliveredMail();

            assertDoesNotThrow(() -> observer.observe(mail, delivered(mail)));

            observer.close();
            assertRecords(1);
        }

        @Test
        void observeShouldReturnNormallyWhenTheMailWasHeld() throws Exception {
            MailObserver observer = initialised();

            assertDoesNotThrow(() -> observer.observe(heldMail(), Disposition.held(Disposition.HoldCause
                    .EXIT_FAILURE, "exit routine contract-exit failed: time limit of 5s exceeded")));

            observer.close();
            assertRecords(1);
        }

        @Test
        void observeShouldRecordEveryCallWhenCalledFromManyThreadsAtOnce() throws Exception {
            MailObserver observer = initialised();
            MailObject delivered = deliveredMail();
            MailObject held = heldMail();

            List<String> done = Concurrently.run(i -> () -> {
                if (i % 2 == 0) {
                    observer.observe(delivered, delivered(delivered));
                } else {
                    observer.observe(held, Disposition.held(Disposition.HoldCause.ENVIRONMENT, "call " + i));
                }
                return "observed";
            });

            observer.close();
            assertEquals(Concurrently.THREADS * Concurrently.CALLS, done.size());
            assertRecords(Concurrently.THREADS * Concurrently.CALLS);
        }
    }

    private void assertRecords(long expected) throws Exception {
        OptionalLong count = recordCount();
        if (count.isPresent()) {
            assertEquals(expected, count.getAsLong(), "records written");
        }
    }

    private static Disposition delivered(MailObject mail) {
        SmtpReply ok = SmtpReply.of(250, "2.0.0", "OK queued as CONTRACT");
        List<RecipientResult> results = mail.envelope().forwardPaths().stream().map((ForwardPath p) ->
                new RecipientResult(p, RecipientResult.Status.ACCEPTED, Optional.of(ok))).toList();
        return Disposition.delivered(results, Optional.of(ok));
    }
}
