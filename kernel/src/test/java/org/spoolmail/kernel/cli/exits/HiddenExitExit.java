package org.spoolmail.kernel.cli.exits;

import org.spoolmail.exits.ExitDecision;
import org.spoolmail.exits.StageName;
import org.spoolmail.exits.mail.MailObject;

/**
 * A hostile site exit routine, {@code hidden-exit}, that hides its {@code System.exit} from a reading of its class
 * file: class and method names are built at run time and called by reflection. Only the shutdown hook can catch it.
 */
@StageName("hidden-exit")
public class HiddenExitExit extends UnconfiguredExit {

    /** Creates the routine; PF4J calls this. */
    public HiddenExitExit() {
    }

    @Override
    public ExitDecision decide(MailObject mail) {
        try {
            Class<?> system = Class.forName(new StringBuilder("metsyS.gnal.avaj").reverse().toString());
            system.getMethod(new StringBuilder("tixe").reverse().toString(), int.class).invoke(null, 0);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return ExitDecision.accept("never reached");
    }
}
