package org.spoolmail.kernel.cli.exits;

import org.spoolmail.exits.StageName;

/** A {@link ScriptedExit} named {@code scripted-c}, so that one pipeline can hold several. */
@StageName("scripted-c")
public class ScriptedExitC extends ScriptedExit {

    /** Creates the routine; PF4J calls this. */
    public ScriptedExitC() {
    }
}
