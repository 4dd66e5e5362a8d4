package org.spoolmail.kernel.inject;

import java.time.Clock;

import com.google.inject.AbstractModule;

import org.spoolmail.kernel.config.PipelineConfig;

/** Binds the validated pipeline configuration (command-line overrides applied) and the clock. */
public final class ConfigModule extends AbstractModule {

    private final PipelineConfig config;
    private final Clock clock;

    /**
     * @param config the pipeline configuration
     * @param clock the clock for stages and queue IDs
     */
    public ConfigModule(PipelineConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    @Override
    protected void configure() {
        bind(PipelineConfig.class).toInstance(config);
        bind(Clock.class).toInstance(clock);
    }
}
