package org.spoolmail.exits.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.spoolmail.exits.MailStage;
import org.spoolmail.exits.StageOutcome;
import org.spoolmail.exits.fake.MailObjects;
import org.spoolmail.exits.mail.MailObject;

/**
 * The contract every stage passes: the {@link LifecycleContract} checks, an outcome (never null) for every sample
 * mail object that keeps its id and identity, and the same kind of outcome when one instance processes for many
 * threads at once. Each concurrent call gets its own copy of a sample with its own id, as distinct items would.
 */
public abstract class MailStageContract extends LifecycleContract<MailStage> {

    /** @return mail objects to process, in the form the previous stage leaves them; by default one plain text mail */
    protected List<MailObject> sampleMail() {
        return List.of(MailObjects.builder().header("From", "Sender <sender@example.org>")
                .header("Subject", "contract").build());
    }

    /** The work method. */
    @Nested
    class Process {

        @Test
        void processShouldReturnAnOutcomeKeepingIdAndIdentityWhenGivenEachSample() throws Exception {
            MailStage stage = initialised();
            for (MailObject mail : sampleMail()) {
                StageOutcome outcome = stage.process(mail);

                assertNotNull(outcome, "process returned null for " + mail.id());
                assertEquals(mail.id(), outcome.mail().id());
                assertEquals(mail.identity(), outcome.mail().identity());
            }
            stage.close();
        }

        @Test
        void processShouldGiveTheSameKindOfOutcomeWhenCalledFromManyThreadsAtOnce() throws Exception {
            MailStage stage = initialised();
            List<MailObject> samples = sampleMail();
            List<String> expected = new java.util.ArrayList<>();
            for (MailObject mail : samples) {
                expected.add(kind(stage.process(copy(mail, "seq"))));
            }

            List<String> kinds = Concurrently.run(i -> () -> kind(stage.process(copy(samples.get(i % samples.size()),
                    "c" + i))));

            for (int i = 0; i < kinds.size(); i++) {
                assertEquals(expected.get(i % samples.size()), kinds.get(i), "call " + i);
            }
            stage.close();
        }
    }

    private static MailObject copy(MailObject mail, String suffix) {
        return new MailObject(mail.id() + "-" + suffix, mail.envelope(), mail.content(), mail.identity(),
                mail.attributes(), mail.trace());
    }

    private static String kind(StageOutcome outcome) {
        assertNotNull(outcome, "process returned null");
        return outcome instanceof StageOutcome.Stop stop ? "STOP " + stop.disposition().kind() : "NEXT";
    }
}
