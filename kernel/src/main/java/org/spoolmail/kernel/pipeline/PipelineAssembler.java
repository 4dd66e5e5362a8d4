package org.spoolmail.kernel.pipeline;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.spoolmail.exits.ExitRoutine;
import org.spoolmail.exits.Lifecycle;
import org.spoolmail.exits.MailExit;
import org.spoolmail.exits.MailObserver;
import org.spoolmail.exits.MailParser;
import org.spoolmail.exits.MailStage;
import org.spoolmail.exits.StageException;
import org.spoolmail.exits.config.StageConfig;
import org.spoolmail.kernel.config.ConfigException;
import org.spoolmail.kernel.config.PipelineConfig;
import org.spoolmail.kernel.config.StageEntry;
import org.spoolmail.kernel.plugin.LoadedExtension;
import org.spoolmail.kernel.plugin.Extensions;

/**
 * Builds a {@link Pipeline} from pipeline.yaml and the loaded plugins. Everything is checked before the first
 * message: every {@code use:} and routine names a started extension of the right kind, and every {@code config:}
 * fits that extension's schema. All problems are collected with their YAML paths; then each place in the pipeline
 * gets its own instance of its extension, initialised once with that place's configuration.
 */
public final class PipelineAssembler {

    private final Extensions host;
    private final Clock clock;

    /**
     * @param host where the extensions come from: the started plugins, registered objects, or both
     * @param clock the clock handed to every stage
     */
    public PipelineAssembler(Extensions host, Clock clock) {
        this.host = host;
        this.clock = clock;
    }

    /**
     * Checks and initialises the pipeline.
     *
     * @param config the loaded pipeline.yaml
     * @return the pipeline, ready for mail
     * @throws ConfigException listing every problem, or the first extension whose init failed
     */
    public Pipeline assemble(PipelineConfig config) throws ConfigException {
        Problems problems = new Problems(config, host);
        problems.lines.addAll(config.problems());
        problems.lines.addAll(host.duplicates());
        StageEntry parseEntry = config.parse();
        for (StageEntry.RoutineEntry f : parseEntry.formats()) {
            problems.find(MailParser.class, parseEntry, f.name(), f.path(), f.config(), configPath(parseEntry, f));
        }
        List<Optional<LoadedExtension<MailStage>>> stages = new ArrayList<>();
        for (StageEntry e : config.processing()) {
            for (StageEntry.RoutineEntry r : e.routines()) {
                problems.find(MailExit.class, e, r.name(), r.path(), r.config(), e.path() + ".config." + r.name());
            }
            stages.add(problems.find(MailStage.class, e, e.use(), e.path() + ".use", e.config(),
                    e.path() + ".config"));
        }
        List<Optional<LoadedExtension<MailObserver>>> observers = new ArrayList<>();
        for (StageEntry e : config.observers()) {
            observers.add(problems.find(MailObserver.class, e, e.use(), e.path() + ".use", e.config(),
                    e.path() + ".config"));
        }
        problems.throwIfAny();
        return initialise(config, stages, observers);
    }

    /** A single {@code use:} is configured by {@code config:} itself; a list by {@code config.<parser>}. */
    private static String configPath(StageEntry entry, StageEntry.RoutineEntry format) {
        return format.path().endsWith(".use") ? entry.path() + ".config" : entry.path() + ".config." + format.name();
    }

    private Pipeline initialise(PipelineConfig config,
            List<Optional<LoadedExtension<MailStage>>> stages,
            List<Optional<LoadedExtension<MailObserver>>> observers) throws ConfigException {
        Path base = config.baseDirectory();
        List<Lifecycle> initialised = new ArrayList<>();
        ExecutorService exitWorkers = Executors.newCachedThreadPool(daemon());
        try {
            List<ParserChoice> parsers = new ArrayList<>();
            for (StageEntry.RoutineEntry f : config.parse().formats()) {
                MailParser parser = host.newInstance(host.find(MailParser.class, f.name()).orElseThrow());
                init(parser, config, config.parse(), f.config(), List.of(), base, initialised);
                parsers.add(new ParserChoice(f.name(), parser));
            }
            List<PipelineStage> ready = new ArrayList<>();
            for (int i = 0; i < stages.size(); i++) {
                StageEntry e = config.processing().get(i);
                LoadedExtension<MailStage> stage = stages.get(i).orElseThrow();
                MailStage instance = host.newInstance(stage);
                List<ExitRoutine> routines = new ArrayList<>();
                for (StageEntry.RoutineEntry r : e.routines()) {
                    MailExit exit = host.newInstance(host.find(MailExit.class, r.name()).orElseThrow());
                    init(exit, config, e, r.config(), List.of(), base, initialised);
                    routines.add(new GuardedExitRoutine(r.name(), exit, e.timeLimit(), exitWorkers));
                }
                init(instance, config, e, e.config(), routines, base, initialised);
                ready.add(new PipelineStage(e, instance, stage.pluginId()));
            }
            List<PipelineObserver> watching = new ArrayList<>();
            for (int i = 0; i < observers.size(); i++) {
                MailObserver observer = host.newInstance(observers.get(i).orElseThrow());
                StageEntry e = config.observers().get(i);
                init(observer, config, e, e.config(), List.of(), base, initialised);
                watching.add(new PipelineObserver(e, observer));
            }
            return new Pipeline(config, parsers, ready, watching, initialised, exitWorkers);
        } catch (ConfigException e) {
            new Pipeline(config, List.of(), List.of(), List.of(), initialised, exitWorkers).close();
            throw e;
        }
    }

    private void init(Lifecycle extension, PipelineConfig config, StageEntry entry, java.util.Map<String, Object> raw,
            List<ExitRoutine> routines, Path base, List<Lifecycle> initialised) throws ConfigException {
        String name = nameOf(extension);
        try {
            StageConfig stageConfig = StageConfig.of(extension.configSchema(),
                    config.stageConfig(extension.configSchema(), raw));
            extension.init(new KernelStageContext(name, stageConfig, base, clock, routines));
            initialised.add(extension);
        } catch (StageException | RuntimeException | LinkageError e) {
            throw new ConfigException(config.source() + ": " + entry.path() + " (" + name + "): could not start: "
                    + StageCall.describe(e));
        }
    }

    /**
     * @param extension an extension
     * @return its {@code @StageName}, else its class name
     */
    public static String nameOf(Object extension) {
        org.spoolmail.exits.StageName n = extension.getClass().getAnnotation(org.spoolmail.exits.StageName.class);
        return n == null ? extension.getClass().getName() : n.value();
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(r, "spoolmail-exit");
            t.setDaemon(true);
            return t;
        };
    }
}
