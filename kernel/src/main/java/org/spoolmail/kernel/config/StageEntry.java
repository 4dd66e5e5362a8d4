package org.spoolmail.kernel.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One entry of the pipeline: a stage (role + the extension that fills it) or an exit point (the stage that drives
 * it + its routines).
 *
 * @param path the YAML path for messages, e.g. {@code pipeline[1]}
 * @param role the stage role ({@code parse}, {@code deliver}, {@code log}, ...) or the exit point's name
 * @param exitPoint true for an {@code exit:} entry
 * @param use the {@code @StageName} of the extension that fills the role
 * @param config the raw configuration of that extension (for an exit point: its driving stage's settings, the
 *     keys of {@code config:} that name no routine)
 * @param routines the exit routines in order, each with its raw configuration; empty for a stage
 * @param timeLimit the time limit of each exit routine call
 * @param onError what to do when the stage fails
 * @param formats for the parse entry: the parsers format detection chooses from, in the order they are asked,
 *     each with its own configuration ({@code use: [smtp-datastream, rfc5322-message]} with
 *     {@code config: {smtp-datastream: {...}}}); one for a single {@code use:}; empty for every other entry
 */
public record StageEntry(String path, String role, boolean exitPoint, String use, Map<String, Object> config,
        List<RoutineEntry> routines, Duration timeLimit, OnError onError, List<RoutineEntry> formats) {

    /** Role of the single parse stage, the first in every pipeline. */
    public static final String PARSE = "parse";
    /** Role of the observers that see every outcome. */
    public static final String LOG = "log";

    /** Copies the collections. */
    public StageEntry {
        config = Map.copyOf(config);
        routines = List.copyOf(routines);
        formats = List.copyOf(formats);
    }

    /**
     * An entry that is not a parse entry with several formats.
     *
     * @param path the YAML path
     * @param role the role or exit point
     * @param exitPoint true for an {@code exit:} entry
     * @param use the extension's {@code @StageName}
     * @param config its raw configuration
     * @param routines the exit routines
     * @param timeLimit the time limit of each routine call
     * @param onError the failure policy
     */
    public StageEntry(String path, String role, boolean exitPoint, String use, Map<String, Object> config,
            List<RoutineEntry> routines, Duration timeLimit, OnError onError) {
        this(path, role, exitPoint, use, config, routines, timeLimit, onError,
                role.equals(PARSE) ? List.of(new RoutineEntry(path + ".use", use, config)) : List.of());
    }

    /**
     * One exit routine at an exit point.
     *
     * @param path the YAML path, e.g. {@code pipeline[1].routines[0]}
     * @param name the routine's {@code @StageName}
     * @param config its raw configuration
     */
    public record RoutineEntry(String path, String name, Map<String, Object> config) {
        /** Copies the map. */
        public RoutineEntry {
            config = Map.copyOf(config);
        }
    }
}
