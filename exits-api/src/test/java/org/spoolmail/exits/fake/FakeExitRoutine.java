package org.spoolmail.exits.fake;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

import org.spoolmail.exits.ExitDecision;
import org.spoolmail.exits.ExitFailureException;
import org.spoolmail.exits.ExitRoutine;
import org.spoolmail.exits.mail.MailObject;

/**
 * An {@link ExitRoutine} handle for testing a stage that drives an exit point: it decides with a function and
 * remembers every mail object it saw, so a test can check that later routines see earlier changes. Thread-safe.
 */
public final class FakeExitRoutine implements ExitRoutine {

    private final String name;
    private final Function<MailObject, ExitDecision> decider;
    private final List<MailObject> seen = Collections.synchronizedList(new ArrayList<>());

    private FakeExitRoutine(String name, Function<MailObject, ExitDecision> decider) {
        this.name = name;
        this.decider = decider;
    }

    /**
     * A routine that decides with a function.
     *
     * @param name the routine's name
     * @param decider the decision for each mail object
     * @return the routine
     */
    public static FakeExitRoutine deciding(String name, Function<MailObject, ExitDecision> decider) {
        return new FakeExitRoutine(name, decider);
    }

    /**
     * A routine that always decides the same.
     *
     * @param name the routine's name
     * @param decision the decision
     * @return the routine
     */
    public static FakeExitRoutine always(String name, ExitDecision decision) {
        return new FakeExitRoutine(name, mail -> decision);
    }

    /**
     * A routine that fails the way the kernel's guard reports a routine that overran its time limit.
     *
     * @param name the routine's name
     * @return the routine
     */
    public static ExitRoutine failing(String name) {
        return new ExitRoutine() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public ExitDecision decide(MailObject mail) throws ExitFailureException {
                throw new ExitFailureException(name, "exceeded its time limit of 5s", null);
            }
        };
    }

    /** @return the mail objects this routine was called with, in order */
    public List<MailObject> seen() {
        return List.copyOf(seen);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ExitDecision decide(MailObject mail) {
        seen.add(mail);
        return decider.apply(mail);
    }
}
