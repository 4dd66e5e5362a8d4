package org.spoolmail.kernel.inject;

import java.nio.file.Path;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;

import org.spoolmail.kernel.config.ConfigException;
import org.spoolmail.kernel.plugin.PluginHost;

/** Provides the started plugins of one folder. */
public final class PluginModule extends AbstractModule {

    private final Path folder;

    /** @param folder the plugins folder */
    public PluginModule(Path folder) {
        this.folder = folder;
    }

    @Provides
    @Singleton
    PluginHost pluginHost() {
        try {
            return PluginHost.start(folder);
        } catch (ConfigException e) {
            throw new StartupException(e);
        }
    }
}
