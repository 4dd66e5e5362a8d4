package org.spoolmail.kernel.plugin;

import org.pf4j.Plugin;

/** A plugin that starts and does nothing, packed into throw-away jars by {@link PluginJars}. */
public class QuietPlugin extends Plugin {
}
