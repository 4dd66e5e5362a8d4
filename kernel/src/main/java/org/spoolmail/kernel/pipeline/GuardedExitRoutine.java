package org.spoolmail.kernel.pipeline;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.spoolmail.exits.ExitDecision;
import org.spoolmail.exits.ExitFailureException;
import org.spoolmail.exits.ExitRoutine;
import org.spoolmail.exits.MailExit;
import org.spoolmail.exits.mail.MailObject;

/**
 * Calls a site's exit routine under a time limit, on a worker thread, and turns anything but a decision (an
 * exception, a LinkageError from a badly built plugin, an overrun, a null) into an {@link ExitFailureException}, so
 * the item is held and never let through unchecked.
 */
final class GuardedExitRoutine implements ExitRoutine {

    private final String name;
    private final MailExit exit;
    private final Duration timeLimit;
    private final ExecutorService workers;

    GuardedExitRoutine(String name, MailExit exit, Duration timeLimit, ExecutorService workers) {
        this.name = name;
        this.exit = exit;
        this.timeLimit = timeLimit;
        this.workers = workers;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ExitDecision decide(MailObject mail) throws ExitFailureException {
        Future<ExitDecision> call = workers.submit(() -> exit.decide(mail));
        ExitDecision decision;
        try {
            decision = call.get(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new ExitFailureException(name, "exceeded its time limit of " + format(timeLimit), null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new ExitFailureException(name, "failed: " + cause, cause);
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new ExitFailureException(name, "was interrupted", e);
        }
        if (decision == null) {
            throw new ExitFailureException(name, "returned no decision (null)", null);
        }
        return decision;
    }

    static String format(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
