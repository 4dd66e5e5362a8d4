package org.spoolmail.kernel.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import com.google.inject.Stage;

import org.spoolmail.exits.Lifecycle;
import org.spoolmail.kernel.config.ConfigException;
import org.spoolmail.kernel.config.PipelineConfig;
import org.spoolmail.kernel.inject.ConfigModule;
import org.spoolmail.kernel.inject.PipelineModule;
import org.spoolmail.kernel.inject.PluginModule;
import org.spoolmail.kernel.inject.StartupException;
import org.spoolmail.kernel.pipeline.Pipeline;
import org.spoolmail.kernel.pipeline.PipelineAssembler;
import org.spoolmail.kernel.pipeline.PipelineRunner;
import org.spoolmail.kernel.plugin.PluginHost;

/**
 * The one Guice injector of a command run, built in PRODUCTION stage so that plugins load, pipeline.yaml is checked
 * against every stage's schema and every stage is initialised before the first message. Closing it closes the
 * stages and stops the plugins.
 */
final class Kernel implements AutoCloseable {

    private final Injector injector;

    private Kernel(Injector injector) {
        this.injector = injector;
    }

    static Kernel start(PipelineConfig config, Path plugins) throws ConfigException {
        try {
            return new Kernel(Guice.createInjector(Stage.PRODUCTION, new ConfigModule(config, Clock.systemUTC()),
                    new PluginModule(plugins, config.sitePluginsDirectory()), new PipelineModule()));
        } catch (CreationException | ProvisionException e) {
            ConfigException problem = unwrap(e);
            if (problem.problems().containsAll(config.problems())) {
                throw problem;
            }
            // The plugins could not be loaded, so the assembler never saw the file's own problems: show them too.
            List<String> all = new ArrayList<>(config.problems());
            all.addAll(problem.problems());
            throw new ConfigException(all);
        }
    }

    static Injector plugins(Path plugins, Optional<Path> site) throws ConfigException {
        try {
            return Guice.createInjector(Stage.PRODUCTION, new PluginModule(plugins, site));
        } catch (CreationException | ProvisionException e) {
            throw unwrap(e);
        }
    }

    /**
     * @param key a config key name, e.g. {@code wire-trace}
     * @return the names of the processing stages and observers whose schema declares it
     */
    List<String> stagesDeclaring(String key) {
        Pipeline pipeline = injector.getInstance(Pipeline.class);
        List<Lifecycle> extensions = new ArrayList<>();
        pipeline.stages().forEach(s -> extensions.add(s.stage()));
        pipeline.observers().forEach(o -> extensions.add(o.observer()));
        return extensions.stream().filter(e -> e.configSchema().stream().anyMatch(k -> k.name().equals(key)))
                .map(PipelineAssembler::nameOf).distinct().toList();
    }

    PipelineRunner runner() {
        return injector.getInstance(PipelineRunner.class);
    }

    @Override
    public void close() {
        injector.getInstance(Pipeline.class).close();
        injector.getInstance(PluginHost.class).close();
    }

    private static ConfigException unwrap(RuntimeException e) {
        java.util.Collection<com.google.inject.spi.Message> messages = e instanceof CreationException c
                ? c.getErrorMessages() : ((ProvisionException) e).getErrorMessages();
        for (com.google.inject.spi.Message m : messages) {
            for (Throwable t = m.getCause(); t != null; t = t.getCause()) {
                if (t instanceof StartupException s) {
                    return s.problem();
                }
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return new ConfigException("start-up failed: " + root);
    }
}
