package org.spoolmail.kernel.cli.exits;

import org.spoolmail.exits.ExitDecision;
import org.spoolmail.exits.StageName;
import org.spoolmail.exits.mail.MailObject;

/** A hostile site exit routine, {@code halting}: {@code Runtime.halt(0)}, which runs no shutdown hook at all. */
@StageName("halting")
public class HaltingExit extends UnconfiguredExit {

    /** Creates the routine; PF4J calls this. */
    public HaltingExit() {
    }

    @Override
    public ExitDecision decide(MailObject mail) {
        Runtime.getRuntime().halt(0);
        return ExitDecision.accept("never reached");
    }
}
