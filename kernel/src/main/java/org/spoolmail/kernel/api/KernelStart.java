package org.spoolmail.kernel.api;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.spoolmail.exits.mail.Identity;
import org.spoolmail.kernel.config.ConfigException;
import org.spoolmail.kernel.config.PipelineConfig;
import org.spoolmail.kernel.config.PipelineConfigLoader;
import org.spoolmail.kernel.config.PipelinePurpose;
import org.spoolmail.kernel.pipeline.Pipeline;
import org.spoolmail.kernel.pipeline.PipelineAssembler;
import org.spoolmail.kernel.pipeline.PipelineRunner;
import org.spoolmail.kernel.pipeline.QueueIds;
import org.spoolmail.kernel.plugin.PluginHost;
import org.spoolmail.kernel.plugin.RegisteredExtensions;

/**
 * The start-up of an embedded kernel, in the order {@code spoolmail send} starts: load and check the pipeline (a
 * deliver stage is required, since submitted mail must go somewhere), start the plugins, resolve every extension
 * once, initialise every stage. It is built with {@code new} rather than the command's Guice injector, so that the
 * application's class path needs no injector configuration and nothing of Guice shows through the API. Whatever
 * fails, what was started is stopped again.
 */
final class KernelStart {

    private final Path source;
    private final Optional<String> text;
    private final Optional<Path> plugins;
    private final List<SpoolmailBuilder.Registration<?>> registrations;
    private final Clock clock;

    KernelStart(Path source, Optional<String> text, Optional<Path> plugins,
            List<SpoolmailBuilder.Registration<?>> registrations, Clock clock) {
        this.source = source;
        this.text = text;
        this.plugins = plugins;
        this.registrations = registrations;
        this.clock = clock;
    }

    Spoolmail start(Identity identity) throws SpoolmailException {
        PipelineConfig config;
        try {
            PipelineConfigLoader loader = new PipelineConfigLoader(PipelinePurpose.EMBED);
            config = text.isPresent() ? loader.read(text.get(), source) : loader.read(source);
        } catch (ConfigException e) {
            throw new SpoolmailException(e.problems(), e);
        }
        Optional<Path> folder = plugins.or(config::pluginsDirectory);
        config = config.withOverrides(Optional.empty(), Optional.empty(), folder);
        RegisteredExtensions extensions = new RegisteredExtensions(startPlugins(config, folder));
        try {
            registrations.forEach(r -> register(extensions, r));
            Pipeline pipeline = new PipelineAssembler(extensions, clock).assemble(config);
            return new Spoolmail(config, pipeline, new PipelineRunner(pipeline, new QueueIds(clock), clock),
                    extensions, identity);
        } catch (ConfigException e) {
            extensions.close();
            throw new SpoolmailException(e.problems(), e);
        } catch (RuntimeException | Error e) {
            extensions.close();
            throw e;
        }
    }

    private static <T> void register(RegisteredExtensions extensions, SpoolmailBuilder.Registration<T> r) {
        extensions.register(r.point(), r.name(), r.supplier());
    }

    /** The plugins, if there is a folder; when they cannot start, the file's own problems are shown with theirs. */
    private static Optional<PluginHost> startPlugins(PipelineConfig config, Optional<Path> folder)
            throws SpoolmailException {
        if (folder.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(PluginHost.start(folder.get()));
        } catch (ConfigException e) {
            List<String> all = new ArrayList<>(config.problems());
            all.addAll(e.problems());
            throw new SpoolmailException(all, e);
        }
    }
}
