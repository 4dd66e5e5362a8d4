package org.spoolmail.exits;

import java.util.List;

import org.spoolmail.exits.config.ConfigKey;

/**
 * The lifecycle every extension shares, after Apache James's {@code Mailet}: the kernel reads
 * {@link #configSchema()} and validates pipeline.yaml against it, calls {@link #init(StageContext)} once before any
 * work, may then call the work method concurrently on the one shared instance (so per-message state lives in local
 * variables or the mail object, never in fields), and calls {@link #close()} once at shutdown.
 *
 * @since 1.0.0
 */
public interface Lifecycle {

    /**
     * Lists the configuration keys this extension reads. Keys are unique and kebab-case. Called before
     * {@code init}, possibly more than once; must not depend on state.
     *
     * @return the keys; empty when the extension takes no configuration
     */
    default List<ConfigKey<?>> configSchema() {
        return List.of();
    }

    /**
     * Prepares the extension: reads configuration, opens resources. Called once, before any work.
     *
     * @param context the stage's name, validated configuration, logger and services
     * @throws StageException if the extension cannot work with this configuration or environment; the kernel then
     *     stops start-up with condition code 16
     */
    default void init(StageContext context) throws StageException {
    }

    /**
     * Releases resources. Called once, after the last piece of work; must not throw.
     */
    default void close() {
    }
}
