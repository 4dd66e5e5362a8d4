package org.spoolmail.exits.fake;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spoolmail.exits.ExitRoutine;
import org.spoolmail.exits.Lifecycle;
import org.spoolmail.exits.StageContext;
import org.spoolmail.exits.config.StageConfig;

/**
 * A {@link StageContext} for unit tests, in the style of James's {@code FakeMailetConfig}: configuration from a
 * map checked against the extension's own schema, a fixed clock, paths relative to a chosen folder.
 */
public final class FakeStageContext implements StageContext {

    /** The clock every fake context uses unless told otherwise: 2026-11-30T09:00:00Z. */
    public static final Clock FIXED_CLOCK = Clock.fixed(Instant.parse("2026-11-30T09:00:00Z"), ZoneOffset.UTC);

    private final String name;
    private final StageConfig config;
    private final Path base;
    private final Clock clock;
    private final List<ExitRoutine> routines;

    private FakeStageContext(String name, StageConfig config, Path base, Clock clock, List<ExitRoutine> routines) {
        this.name = name;
        this.config = config;
        this.base = base;
        this.clock = clock;
        this.routines = routines;
    }

    /**
     * A context for an extension with raw configuration values, validated against its schema.
     *
     * @param extension the extension (its schema is read)
     * @param raw the raw values as pipeline.yaml would give them
     * @param base the folder relative paths resolve against
     * @return the context
     * @throws IllegalArgumentException if the values do not fit the schema
     */
    public static FakeStageContext of(Lifecycle extension, Map<String, Object> raw, Path base) {
        return new FakeStageContext(nameOf(extension), StageConfig.of(extension.configSchema(), raw), base,
                FIXED_CLOCK, List.of());
    }

    /**
     * Returns this context with exit routines, for stages that drive an exit point.
     *
     * @param exitRoutines the routines in order
     * @return a new context
     */
    public FakeStageContext withExitRoutines(List<ExitRoutine> exitRoutines) {
        return new FakeStageContext(name, config, base, clock, List.copyOf(exitRoutines));
    }

    /**
     * Returns this context with another clock, e.g. one that advances between calls to measure elapsed time.
     *
     * @param newClock the clock {@link #clock()} returns
     * @return a new context
     */
    public FakeStageContext withClock(Clock newClock) {
        return new FakeStageContext(name, config, base, java.util.Objects.requireNonNull(newClock, "clock"),
                routines);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public StageConfig config() {
        return config;
    }

    @Override
    public Logger logger() {
        return LoggerFactory.getLogger("spoolmail.stage." + name);
    }

    @Override
    public Path resolve(String configured) {
        return base.resolve(configured).toAbsolutePath().normalize();
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public List<ExitRoutine> exitRoutines() {
        return routines;
    }

    private static String nameOf(Lifecycle extension) {
        org.spoolmail.exits.StageName n = extension.getClass().getAnnotation(org.spoolmail.exits.StageName.class);
        return n == null ? extension.getClass().getSimpleName() : n.value();
    }
}
