package org.spoolmail.plugins.verify.sender;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

import org.spoolmail.exits.ExitDecision;
import org.spoolmail.exits.ExitFailureException;
import org.spoolmail.exits.ExitRoutine;
import org.spoolmail.exits.mail.MailObject;

/** An exit routine handle for tests: decides with a function and remembers every mail object it saw. */
final class FakeRoutine implements ExitRoutine {

    private final String name;
    private final Function<MailObject, ExitDecision> decider;
    private final List<MailObject> seen = Collections.synchronizedList(new ArrayList<>());

    private FakeRoutine(String name, Function<MailObject, ExitDecision> decider) {
        this.name = name;
        this.decider = decider;
    }

    static FakeRoutine deciding(String name, Function<MailObject, ExitDecision> decider) {
        return new FakeRoutine(name, decider);
    }

    static FakeRoutine always(String name, ExitDecision decision) {
        return new FakeRoutine(name, mail -> decision);
    }

    /** A routine that fails as the kernel's guard reports a failing routine. */
    static ExitRoutine failing(String name) {
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

    List<MailObject> seen() {
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
