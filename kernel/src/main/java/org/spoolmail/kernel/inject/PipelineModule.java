package org.spoolmail.kernel.inject;

import java.time.Clock;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;

import org.spoolmail.kernel.config.ConfigException;
import org.spoolmail.kernel.config.PipelineConfig;
import org.spoolmail.kernel.pipeline.Pipeline;
import org.spoolmail.kernel.pipeline.PipelineAssembler;
import org.spoolmail.kernel.pipeline.PipelineRunner;
import org.spoolmail.kernel.pipeline.QueueIds;
import org.spoolmail.kernel.plugin.PluginHost;

/** Provides the assembled pipeline and its runner; with Stage.PRODUCTION they are built at start-up. */
public final class PipelineModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(PipelineRunner.class).in(Singleton.class);
    }

    @Provides
    @Singleton
    Pipeline pipeline(PipelineConfig config, PluginHost host, Clock clock) {
        try {
            return new PipelineAssembler(host, clock).assemble(config);
        } catch (ConfigException e) {
            throw new StartupException(e);
        }
    }

    @Provides
    @Singleton
    QueueIds queueIds(Clock clock) {
        return new QueueIds(clock);
    }
}
