package org.spoolmail.exits.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.spoolmail.exits.ExitDecision;
import org.spoolmail.exits.MailExit;
import org.spoolmail.exits.fake.MailObjects;
import org.spoolmail.exits.mail.MailObject;

/**
 * The contract every exit routine passes, built-in or a site's: the {@link LifecycleContract} checks, a decision
 * (never null) for every sample mail object, and the same decisions when one instance decides for many threads at
 * once, as the kernel calls it. A site tests its routine by extending this class in its own tests:
 *
 * <pre>{@code
 * class MyExitContractTest extends MailExitContract {
 *     protected MailExit newExtension() { return new MyExit(); }
 *     protected Map<String, Object> validConfig() { return Map.of("mode", "verify"); }
 *     protected List<MailObject> sampleMail() { return List.of(MailObjects.builder().from("a@x.org").build()); }
 * }
 * }</pre>
 */
public abstract class MailExitContract extends LifecycleContract<MailExit> {

    /** @return mail objects to decide on; by default one from sender@example.org with a From field, one without */
    protected List<MailObject> sampleMail() {
        return List.of(MailObjects.builder().header("From", "Sender <sender@example.org>").build(),
                MailObjects.builder().from("other@example.net").id("TEST0002").build());
    }

    /** The work method. */
    @Nested
    class Decide {

        @Test
        void decideShouldReturnADecisionWhenGivenEachSample() throws Exception {
            MailExit exit = initialised();
            for (MailObject mail : sampleMail()) {
                assertNotNull(exit.decide(mail), "decide returned null for " + mail.id());
            }
            exit.close();
        }

        @Test
        void decideShouldGiveTheSameDecisionsWhenCalledFromManyThreadsAtOnce() throws Exception {
            MailExit exit = initialised();
            List<MailObject> samples = sampleMail();
            List<ExitDecision> expected = new ArrayList<>();
            for (MailObject mail : samples) {
                expected.add(exit.decide(mail));
            }

            List<ExitDecision> decided = Concurrently.run(i -> () -> exit.decide(samples.get(i % samples.size())));

            for (int i = 0; i < decided.size(); i++) {
                assertEquals(expected.get(i % samples.size()), decided.get(i), "call " + i);
            }
            exit.close();
        }
    }
}
