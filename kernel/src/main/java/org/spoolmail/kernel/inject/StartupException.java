package org.spoolmail.kernel.inject;

import org.spoolmail.kernel.config.ConfigException;

/** Carries a {@link ConfigException} out of a Guice provider, which may not throw checked exceptions. */
public final class StartupException extends RuntimeException {

    private final transient ConfigException problem;

    /** @param problem the configuration problem */
    public StartupException(ConfigException problem) {
        super(problem.getMessage(), problem);
        this.problem = problem;
    }

    /** @return the configuration problem */
    public ConfigException problem() {
        return problem;
    }
}
