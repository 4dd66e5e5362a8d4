package org.spoolmail.exits;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.spoolmail.exits.config.StageConfig;

/**
 * What the kernel gives an extension in {@link Lifecycle#init}: its name, its validated configuration, a logger,
 * and the services of the host. The application-defined context PF4J recommends instead of constructor injection.
 *
 * @since 1.0.0
 */
public interface StageContext {

    /** @return the extension's {@link StageName} */
    String name();

    /** @return the validated configuration from pipeline.yaml */
    StageConfig config();

    /** @return a logger named after the extension; the kernel sets MDC keys {@code mail-id} and {@code stage} */
    Logger logger();

    /**
     * Resolves a path from the configuration: relative paths are relative to the folder of pipeline.yaml.
     *
     * @param configured the path as written
     * @return the absolute path
     */
    Path resolve(String configured);

    /** @return the clock for Date header fields and time stamps (fixed in tests) */
    Clock clock();

    /**
     * Returns the exit routines configured for the exit point this stage drives, already initialised, in order.
     *
     * @return the routines; empty for stages that drive no exit point
     */
    default List<ExitRoutine> exitRoutines() {
        return List.of();
    }
}
