package org.spoolmail.kernel.cli.exits;

import org.pf4j.Plugin;

/** A site plugin whose start fails, as one that cannot reach its directory server would. */
public class FailingStartPlugin extends Plugin {

    /** Creates the plugin; PF4J calls this. */
    public FailingStartPlugin() {
    }

    @Override
    public void start() {
        throw new IllegalStateException("cannot reach the site directory server");
    }
}
