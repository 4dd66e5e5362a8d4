package org.spoolmail.kernel.config;

import java.util.List;

/**
 * pipeline.yaml or the command line cannot be used: every problem found, each with its YAML path or option. The
 * CLI prints one problem per line and ends with condition code 16.
 */
public class ConfigException extends Exception {

    private final List<String> problems;

    /**
     * @param problems one line per problem, e.g. {@code pipeline.yaml: pipeline[2].config.timeout: unknown key}
     */
    public ConfigException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
    }

    /**
     * @param problem the one problem
     */
    public ConfigException(String problem) {
        this(List.of(problem));
    }

    /** @return the problems, one line each */
    public List<String> problems() {
        return problems;
    }
}
