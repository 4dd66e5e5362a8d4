package org.spoolmail.kernel.api;

import java.util.List;

/**
 * A pipeline that cannot start: the pipeline file is missing or unreadable, it has problems (every one is listed,
 * each with its file and YAML path, e.g. {@code pipeline.yaml: pipeline[2].config.timeout: ...}), a plugin it names
 * is missing or did not start, the plugins folder is missing or writable by others, or an extension's {@code init}
 * failed. It is what the {@code spoolmail} command reports with condition code 16.
 *
 * @since 1.0.0
 */
public final class SpoolmailException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The condition code of a configuration or environment problem. */
    public static final int CONDITION_CODE = 16;

    private final List<String> problems;

    /**
     * @param problems every problem, one line each; at least one
     * @param cause the kernel's own exception, or null
     */
    SpoolmailException(List<String> problems, Throwable cause) {
        super(String.join(System.lineSeparator(), problems), cause);
        this.problems = List.copyOf(problems);
    }

    /** @return every problem, one line each, in the order found */
    public List<String> problems() {
        return problems;
    }

    /** @return 16, the condition code of a configuration or environment problem */
    public int conditionCode() {
        return CONDITION_CODE;
    }
}
