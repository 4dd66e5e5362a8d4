package org.spoolmail.kernel.plugin;

import org.pf4j.Plugin;

/** A plugin whose start fails, packed into a throw-away jar by {@link PluginJars}. */
public class BrokenPlugin extends Plugin {

    @Override
    public void start() {
        throw new IllegalStateException("cannot open the site directory");
    }
}
