package org.spoolmail.kernel.inject;

import java.nio.file.Path;
import java.util.Optional;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;

import org.spoolmail.kernel.config.ConfigException;
import org.spoolmail.kernel.plugin.PluginHost;

/** Provides the started plugins of the built-in plugins folder and of the site's own, if it has one. */
public final class PluginModule extends AbstractModule {

    private final Path folder;
    private final Optional<Path> site;

    /** @param folder the plugins folder */
    public PluginModule(Path folder) {
        this(folder, Optional.empty());
    }

    /**
     * @param folder the built-in plugins folder
     * @param site the site's plugins folder, loaded beside it
     */
    public PluginModule(Path folder, Optional<Path> site) {
        this.folder = folder;
        this.site = site;
    }

    @Provides
    @Singleton
    PluginHost pluginHost() {
        try {
            return PluginHost.start(folder, site);
        } catch (ConfigException e) {
            throw new StartupException(e);
        }
    }
}
