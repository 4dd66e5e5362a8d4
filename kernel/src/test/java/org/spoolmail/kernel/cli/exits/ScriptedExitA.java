package org.spoolmail.kernel.cli.exits;

import org.spoolmail.exits.StageName;

/** A {@link ScriptedExit} named {@code scripted-a}, so that one pipeline can hold several. */
@StageName("scripted-a")
public class ScriptedExitA extends ScriptedExit {

    /** Creates the routine; PF4J calls this. */
    public ScriptedExitA() {
    }
}
