package org.spoolmail.kernel.api;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.spoolmail.exits.Lifecycle;
import org.spoolmail.exits.MailExit;
import org.spoolmail.exits.MailObserver;
import org.spoolmail.exits.MailParser;
import org.spoolmail.exits.MailStage;
import org.spoolmail.exits.StageName;
import org.spoolmail.exits.mail.Identity;
import org.spoolmail.kernel.config.ConfigException;
import org.spoolmail.kernel.identity.IdentityResolver;

/**
 * Builds a {@link Spoolmail}: the pipeline (a pipeline.yaml file, or its text), where its extensions come from (a
 * plugins folder loaded with PF4J, objects the application registers, or both), and the claimed facts of the
 * submitter. Not thread-safe; {@link #build()} may be called more than once, each time for a new, independent
 * kernel.
 *
 * @since 1.0.0
 */
public final class SpoolmailBuilder {

    /** The name an in-memory pipeline has in messages, in the base folder given with it. */
    public static final String IN_MEMORY_NAME = "in-memory-pipeline.yaml";

    private Optional<Path> pipelineFile = Optional.empty();
    private Optional<String> pipelineText = Optional.empty();
    private Optional<Path> plugins = Optional.empty();
    private final List<Registration<?>> registrations = new ArrayList<>();
    private Optional<String> jobName = Optional.empty();
    private Optional<String> jobId = Optional.empty();
    private Optional<String> program = Optional.empty();
    private Clock clock = Clock.systemUTC();
    private java.util.Map<String, String> environment = System.getenv();

    SpoolmailBuilder() {
    }

    /** The environment job claims are read from (the process's; tests give their own). */
    SpoolmailBuilder environment(java.util.Map<String, String> variables) {
        environment = java.util.Map.copyOf(variables);
        return this;
    }

    /**
     * Uses a pipeline file, read as {@code spoolmail send -c FILE} reads it; relative paths in it (outbox, audit,
     * spool queue, plugins folder, trust stores) resolve against its folder.
     *
     * @param file pipeline.yaml
     * @return this builder
     */
    public SpoolmailBuilder pipeline(Path file) {
        pipelineFile = Optional.of(Objects.requireNonNull(file, "file"));
        pipelineText = Optional.empty();
        return this;
    }

    /**
     * Uses a pipeline given as text, checked exactly as a file is; messages name it
     * {@code <baseDirectory>/in-memory-pipeline.yaml}.
     *
     * @param yaml the pipeline.yaml text ({@code version: 1}, {@code pipeline:} ...)
     * @param baseDirectory the folder relative paths in it resolve against, e.g. the outbox or the spool queue
     * @return this builder
     */
    public SpoolmailBuilder pipeline(String yaml, Path baseDirectory) {
        pipelineText = Optional.of(Objects.requireNonNull(yaml, "yaml"));
        pipelineFile = Optional.of(baseDirectory.toAbsolutePath().normalize().resolve(IN_MEMORY_NAME));
        return this;
    }

    /**
     * Loads the plugins of a folder with PF4J, in place of the pipeline's {@code plugins-directory}. With neither,
     * no plugin is loaded and every extension the pipeline names must be registered. The folder is refused when
     * others can write to it, as the command refuses it.
     *
     * @param folder the plugins folder
     * @return this builder
     */
    public SpoolmailBuilder pluginsDirectory(Path folder) {
        plugins = Optional.of(Objects.requireNonNull(folder, "folder"));
        return this;
    }

    /**
     * Registers an extension object under its {@code @StageName}: a {@link MailExit} (exit routine),
     * {@link MailStage}, {@link MailParser} or {@link MailObserver} the application made itself, without a jar.
     * The pipeline names it like a plugin's extension; the object is initialised with that place's configuration,
     * shared by all threads, and closed with the kernel. Name it at one place only: an object can be initialised
     * once; use {@link #extension(Class, String, Supplier)} for more.
     *
     * @param extension the object, annotated with {@link StageName}
     * @return this builder
     * @throws IllegalArgumentException if it has no {@code @StageName} or implements none of the four points
     */
    public SpoolmailBuilder extension(Lifecycle extension) {
        StageName name = Objects.requireNonNull(extension, "extension").getClass().getAnnotation(StageName.class);
        if (name == null) {
            throw new IllegalArgumentException(extension.getClass().getName() + " has no @StageName: annotate it or"
                    + " register it with extension(point, name, supplier)");
        }
        boolean any = false;
        for (Class<? extends Lifecycle> point : List.of(MailParser.class, MailStage.class, MailExit.class,
                MailObserver.class)) {
            if (point.isInstance(extension)) {
                registrations.add(registration(point, name.value(), extension));
                any = true;
            }
        }
        if (!any) {
            throw new IllegalArgumentException(extension.getClass().getName() + " is not a MailParser, MailStage,"
                    + " MailExit or MailObserver");
        }
        return this;
    }

    /**
     * Registers an extension made by a supplier: each place the pipeline names it gets a new instance, initialised
     * with that place's configuration (as a plugin's extension placed at two exit points is).
     *
     * @param point the extension point, e.g. {@code MailExit.class}
     * @param name the name the pipeline uses
     * @param supplier makes a new, uninitialised instance; called once more at build for the config schema
     * @param <T> the extension point type
     * @return this builder
     */
    public <T extends Lifecycle> SpoolmailBuilder extension(Class<T> point, String name, Supplier<? extends T> supplier) {
        registrations.add(new Registration<>(Objects.requireNonNull(point, "point"), Objects.requireNonNull(name,
                "name"), Objects.requireNonNull(supplier, "supplier")));
        return this;
    }

    /**
     * @param name the job name exit routines see, claimed (e.g. {@code PAYROLL1})
     * @return this builder
     * @throws IllegalArgumentException if it holds a control character or line break
     */
    public SpoolmailBuilder jobName(String name) {
        jobName = Optional.of(claim("jobName", name));
        return this;
    }

    /**
     * @param id the job ID exit routines see, claimed (e.g. {@code JOB01234})
     * @return this builder
     * @throws IllegalArgumentException if it holds a control character or line break
     */
    public SpoolmailBuilder jobId(String id) {
        jobId = Optional.of(claim("jobId", id));
        return this;
    }

    /**
     * @param name the program exit routines see, claimed
     * @return this builder
     * @throws IllegalArgumentException if it holds a control character or line break
     */
    public SpoolmailBuilder program(String name) {
        program = Optional.of(claim("program", name));
        return this;
    }

    /**
     * @param newClock the clock of queue IDs, stages and the spool queue; the system's UTC clock by default
     * @return this builder
     */
    public SpoolmailBuilder clock(Clock newClock) {
        clock = Objects.requireNonNull(newClock, "clock");
        return this;
    }

    /**
     * Loads and checks the pipeline, starts the plugins, resolves every extension once and initialises every
     * stage, exit routine and log stage, so that the first submit finds everything ready.
     *
     * @return the kernel, ready for mail
     * @throws SpoolmailException listing every problem (condition code 16), among them a job claim from the
     *     environment ({@code SPOOLMAIL_JOBNAME}, a scheduler's variable) that holds a control character; nothing
     *     is left running
     * @throws IllegalStateException if no pipeline was given
     */
    public Spoolmail build() throws SpoolmailException {
        if (pipelineFile.isEmpty()) {
            throw new IllegalStateException("no pipeline: call pipeline(file) or pipeline(yaml, baseDirectory)");
        }
        IdentityResolver.Claims claims = new IdentityResolver.Claims(jobName, jobId, program);
        Optional<String> refused = IdentityResolver.environmentRefusal(environment, claims);
        if (refused.isPresent()) {
            // As send and submit refuse it: a job must not run under no job name, or another, without being told.
            throw new SpoolmailException(List.of(IdentityResolver.environmentProblem(refused.get(),
                    "jobName(), jobId() or program()")), null);
        }
        Identity identity;
        try {
            // The OS account, never a property: without it the kernel fails closed (16), as send does.
            identity = new IdentityResolver(environment).resolve(Spoolmail.BUILT_MAIL_ORIGIN, claims);
        } catch (ConfigException e) {
            throw new SpoolmailException(e.problems(), e);
        }
        return new KernelStart(pipelineFile.get(), pipelineText, plugins, List.copyOf(registrations), clock)
                .start(identity);
    }

    private static <T> Registration<T> registration(Class<T> point, String name, Object extension) {
        T instance = point.cast(extension);
        return new Registration<>(point, name, () -> instance);
    }

    private static String claim(String what, String value) {
        Optional<String> refused = IdentityResolver.refusal(Objects.requireNonNull(value, what));
        if (refused.isPresent()) {
            throw new IllegalArgumentException(what + " " + refused.get());
        }
        return value.strip();
    }

    /**
     * One registered extension.
     *
     * @param point its extension point
     * @param name its name in the pipeline
     * @param supplier makes its instances
     * @param <T> the point's type
     */
    record Registration<T>(Class<T> point, String name, Supplier<? extends T> supplier) {
    }
}
