package org.spoolmail.kernel.cli.exits;

import org.spoolmail.exits.ExitDecision;
import org.spoolmail.exits.StageName;
import org.spoolmail.exits.mail.MailObject;

/**
 * A hostile site exit routine, {@code exiting}: ends the Java process with status 0 by calling {@code System.exit}
 * directly, as an exit that "gives up" would. Packed into a throw-away jar by {@link ExitJars}.
 */
@StageName("exiting")
public class ExitingExit extends UnconfiguredExit {

    /** Creates the routine; PF4J calls this. */
    public ExitingExit() {
    }

    @Override
    public ExitDecision decide(MailObject mail) {
        System.exit(0);
        return ExitDecision.accept("never reached");
    }
}
