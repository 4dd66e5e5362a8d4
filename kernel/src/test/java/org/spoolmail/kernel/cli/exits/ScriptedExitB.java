package org.spoolmail.kernel.cli.exits;

import org.spoolmail.exits.StageName;

/** A {@link ScriptedExit} named {@code scripted-b}, so that one pipeline can hold several. */
@StageName("scripted-b")
public class ScriptedExitB extends ScriptedExit {

    /** Creates the routine; PF4J calls this. */
    public ScriptedExitB() {
    }
}
