package org.spoolmail.kernel.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.spoolmail.exits.ExitDecision;
import org.spoolmail.exits.ExitFailureException;
import org.spoolmail.exits.MailExit;
import org.spoolmail.exits.fake.MailObjects;
import org.spoolmail.exits.mail.MailObject;

class GuardedExitRoutineTest {

    private final ExecutorService workers = Executors.newCachedThreadPool();
    private final MailObject mail = MailObjects.builder().build();

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    @Test
    void decideShouldReturnTheRoutinesDecisionWhenItAnswersInTime() throws Exception {
        ExitDecision accept = ExitDecision.accept("known batch user");

        assertEquals(accept, guard(m -> accept, Duration.ofSeconds(5)).decide(mail));
    }

    @Test
    void decideShouldFailNamingTheRoutineWhenItThrows() {
        ExitFailureException e = assertThrows(ExitFailureException.class, () -> guard(m -> {
            throw new IllegalStateException("directory unreadable");
        }, Duration.ofSeconds(5)).decide(mail));

        assertEquals("exit routine site-check failed: java.lang.IllegalStateException: directory unreadable",
                e.getMessage());
        assertEquals("site-check", e.routine());
    }

    @Test
    void decideShouldFailWhenTheRoutineOverrunsItsTimeLimit() {
        ExitFailureException e = assertThrows(ExitFailureException.class, () -> guard(m -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            return ExitDecision.proceed();
        }, Duration.ofMillis(200)).decide(mail));

        assertEquals("exit routine site-check exceeded its time limit of 200ms", e.getMessage());
    }

    @Test
    void decideShouldFailWhenTheRoutineReturnsNull() {
        ExitFailureException e = assertThrows(ExitFailureException.class,
                () -> guard(m -> null, Duration.ofSeconds(5)).decide(mail));

        assertEquals("exit routine site-check returned no decision (null)", e.getMessage());
    }

    @Test
    void decideShouldFailWhenTheRoutineThrowsALinkageError() {
        ExitFailureException e = assertThrows(ExitFailureException.class, () -> guard(m -> {
            throw new NoClassDefFoundError("com/example/Directory");
        }, Duration.ofSeconds(5)).decide(mail));

        assertEquals("exit routine site-check failed: java.lang.NoClassDefFoundError: com/example/Directory",
                e.getMessage());
    }

    private GuardedExitRoutine guard(MailExit exit, Duration limit) {
        return new GuardedExitRoutine("site-check", exit, limit, workers);
    }
}
