package org.spoolmail.kernel.pipeline;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spoolmail.exits.ExitRoutine;
import org.spoolmail.exits.StageContext;
import org.spoolmail.exits.config.StageConfig;

/** The context the kernel hands each extension in {@code init}. */
record KernelStageContext(String name, StageConfig config, Path baseDirectory, Clock clock,
        List<ExitRoutine> exitRoutines) implements StageContext {

    KernelStageContext {
        exitRoutines = List.copyOf(exitRoutines);
    }

    @Override
    public Logger logger() {
        return LoggerFactory.getLogger("spoolmail.stage." + name);
    }

    @Override
    public Path resolve(String configured) {
        return baseDirectory.resolve(configured).toAbsolutePath().normalize();
    }
}
