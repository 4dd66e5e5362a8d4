package org.spoolmail.kernel.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.spoolmail.exits.config.ConfigKey;
import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.RecordFormat;

/**
 * Turns pipeline.yaml into a {@link PipelineConfig}, checking its shape and collecting every problem with its YAML
 * path before giving up. Whether each {@code use:} names a real extension, and whether each {@code config:} fits that
 * extension's schema, is checked later against the loaded plugins.
 */
public final class PipelineConfigLoader {

    private static final Set<String> TOP_KEYS = Set.of("version", "plugins-directory", "site-plugins-directory",
            "hold-directory", "input", "pipeline", "spool");
    private static final Set<String> ENTRY_KEYS = Set.of("stage", "exit", "use", "config", "routines",
            "time-limit", "on-error");
    private static final ConfigKey<Duration> TIME_LIMIT = ConfigKey.duration("time-limit", Duration.ofSeconds(10));
    private static final ConfigKey<Ccsid> INPUT_CCSID = ConfigKey.ccsid("ccsid", Ccsid.UTF_8);
    private static final ConfigKey<RecordFormat> INPUT_RECORDS = ConfigKey.recordFormat("records", RecordFormat.LF);
    private final PipelinePurpose purpose;

    /** A loader for a pipeline that is only shown ({@code plugins --config}): no stage role is required. */
    public PipelineConfigLoader() {
        this(PipelinePurpose.INSPECT);
    }

    /**
     * @param deliverRequired true for {@code send} ({@link PipelinePurpose#SEND}), false for {@code check}
     *     ({@link PipelinePurpose#CHECK})
     */
    public PipelineConfigLoader(boolean deliverRequired) {
        this(deliverRequired ? PipelinePurpose.SEND : PipelinePurpose.CHECK);
    }

    /**
     * @param purpose what the pipeline is loaded for: it decides which stage roles the pipeline must have
     */
    public PipelineConfigLoader(PipelinePurpose purpose) {
        this.purpose = purpose;
    }

    /**
     * Loads and checks a pipeline file.
     *
     * @param file pipeline.yaml, as the user named it
     * @return the configuration, without problems
     * @throws ConfigException listing every problem, each prefixed with the file and YAML path
     */
    public PipelineConfig load(Path file) throws ConfigException {
        PipelineConfig config = read(file);
        if (!config.problems().isEmpty()) {
            throw new ConfigException(config.problems());
        }
        return config;
    }

    /**
     * Reads a pipeline file and checks its shape, returning the configuration together with its problems whenever
     * one can still be built (the parse entry comes first and is the only one), so that the assembler can add the
     * problems only the plugins can find and the user sees them all at once.
     *
     * @param file pipeline.yaml, as the user named it; messages name it in this form
     * @return the configuration and its problems
     * @throws ConfigException when no configuration can be built: the file is missing or not YAML, or the
     *     pipeline has no usable parse entry first
     */
    public PipelineConfig read(Path file) throws ConfigException {
        return read(file, SafeYaml.load(file));
    }

    /**
     * Reads a pipeline given as text (an embedding application's in-memory configuration), checked as a file is.
     *
     * @param yaml the pipeline.yaml text
     * @param source where it stands for: messages name it, and relative paths in it resolve against its folder
     * @return the configuration and its problems (see {@link #read(Path)})
     * @throws ConfigException when no configuration can be built
     */
    public PipelineConfig read(String yaml, Path source) throws ConfigException {
        return read(source, SafeYaml.load(yaml, source));
    }

    private PipelineConfig read(Path file, Object document) throws ConfigException {
        LoadProblems problems = new LoadProblems(file.toString());
        Map<String, Object> top = problems.map(document, "(document)");
        problems.onlyKeys(top, TOP_KEYS, "");
        Object version = top.get("version");
        if (!"1".equals(version)) {
            problems.add("version", "must be 1, got " + (version == null ? "nothing" : "'" + version + "'"));
        }
        Optional<Path> plugins = folder(file, top, "plugins-directory", problems);
        Optional<Path> sitePlugins = folder(file, top, "site-plugins-directory", problems);
        if (top.containsKey("hold-directory")) {
            // Refused rather than ignored: a site that still looks there would never find its held mail.
            problems.add("hold-directory", "is no longer used: send keeps held and deferred mail in the spool queue"
                    + " (spool.directory, default spool/ beside pipeline.yaml; see 'spoolmail queue'): remove the key");
        }
        Map<String, Object> input = problems.map(top.getOrDefault("input", Map.of()), "input");
        problems.onlyKeys(input, Set.of("ccsid", "records"), "input.");
        Ccsid ccsid = problems.convert(INPUT_CCSID, input.get("ccsid"), "input.ccsid");
        RecordFormat records = problems.convert(INPUT_RECORDS, input.get("records"), "input.records");
        SpoolConfig spool = SpoolConfigReader.read(top.get("spool"), file.toAbsolutePath().normalize().getParent(),
                problems);
        List<StageEntry> entries = entries(top.get("pipeline"), problems);
        if (!buildable(entries)) {
            if (problems.lines().isEmpty()) {
                problems.add("pipeline", "must start with 'stage: parse'");
            }
            problems.throwIfAny();
        }
        return new PipelineConfig(file, plugins, sitePlugins, ccsid, records, entries, Map.of(), problems.lines(),
                spool);
    }

    /** A folder named by a top-level key, relative to the pipeline file's folder. */
    private static Optional<Path> folder(Path file, Map<String, Object> top, String key, LoadProblems problems) {
        if (top.containsKey(key) && text(top.get(key)).isEmpty()) {
            problems.add(key, "is empty: name a folder, or leave the key out");
            return Optional.empty();
        }
        return Optional.ofNullable(top.get(key))
                .map(p -> file.toAbsolutePath().getParent().resolve(text(p)).normalize());
    }

    /** The entries make a pipeline the assembler can check: the parse entry first, and only there. */
    private static boolean buildable(List<StageEntry> entries) {
        return !entries.isEmpty() && entries.get(0).role().equals(StageEntry.PARSE)
                && entries.stream().skip(1).noneMatch(e -> e.role().equals(StageEntry.PARSE));
    }

    private List<StageEntry> entries(Object raw, LoadProblems problems) {
        List<StageEntry> entries = new ArrayList<>();
        if (!(raw instanceof List<?> list) || list.isEmpty()) {
            problems.add("pipeline", "must be a list of stages, starting with the parse stage");
            return entries;
        }
        for (int i = 0; i < list.size(); i++) {
            StageEntry entry = entry(list.get(i), "pipeline[" + i + "]", problems);
            if (entry != null) {
                entries.add(entry);
            }
        }
        checkOrder(entries, problems);
        if (entries.size() == list.size()) { // an entry that could not be read may be the role: said already
            purpose.problems(entries).forEach(p -> problems.add(p.path(), p.problem()));
        }
        return entries;
    }

    private StageEntry entry(Object raw, String path, LoadProblems problems) {
        Map<String, Object> m = problems.map(raw, path);
        problems.onlyKeys(m, ENTRY_KEYS, path + ".");
        boolean exit = m.containsKey("exit");
        if (exit == m.containsKey("stage")) {
            problems.add(path, "needs exactly one of 'stage:' (a role such as deliver) or 'exit:' (an exit point)");
            return null;
        }
        String role = text(m.get(exit ? "exit" : "stage"));
        if (!exit && role.equals(StageEntry.PARSE) && m.get("use") instanceof List<?> names) {
            return parseEntry(m, names, path, problems);
        }
        String use = m.containsKey("use") ? text(m.get("use")) : exit ? role : null;
        if (use == null || use.isEmpty()) {
            problems.add(path + ".use", "missing: name the stage plugin that fills the role '" + role + "'");
            return null;
        }
        Map<String, Object> config = problems.map(m.getOrDefault("config", Map.of()), path + ".config");
        List<StageEntry.RoutineEntry> routines = new ArrayList<>();
        Map<String, Object> stageConfig = config;
        if (exit) {
            routines = routines(m.get("routines"), config, path, problems);
            stageConfig = drivingStageSettings(config, routines);
        } else if (m.containsKey("routines") || m.containsKey("time-limit")) {
            problems.add(path, "'routines' and 'time-limit' belong to exit points ('exit:'), not stages");
        }
        Duration limit = problems.convert(TIME_LIMIT, m.get("time-limit"), path + ".time-limit");
        if (limit != null && (limit.isZero() || limit.isNegative())) {
            problems.add(path + ".time-limit", "must be more than 0: a routine given no time holds every mail");
        }
        OnError onError = onError(m.get("on-error"), role, path, problems);
        return new StageEntry(path, role, exit, use, stageConfig, routines, limit, onError);
    }

    /**
     * A parse entry that names several parsers for format detection: {@code use: [smtp-datastream,
     * rfc5322-message]}; its {@code config:} maps each parser's name to that parser's configuration.
     */
    private StageEntry parseEntry(Map<String, Object> m, List<?> names, String path, LoadProblems problems) {
        if (names.isEmpty()) {
            problems.add(path + ".use", "is an empty list: name at least one parser");
            return null;
        }
        if (m.containsKey("routines") || m.containsKey("time-limit")) {
            problems.add(path, "'routines' and 'time-limit' belong to exit points ('exit:'), not stages");
        }
        Map<String, Object> config = problems.map(m.getOrDefault("config", Map.of()), path + ".config");
        List<StageEntry.RoutineEntry> formats = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = text(names.get(i));
            Map<String, Object> own = problems.map(config.getOrDefault(name, Map.of()), path + ".config." + name);
            formats.add(new StageEntry.RoutineEntry(path + ".use[" + i + "]", name, own));
        }
        for (String key : config.keySet()) {
            if (names.stream().noneMatch(n -> text(n).equals(key))) {
                problems.add(path + ".config." + key, "configures a parser that is not in 'use'");
            }
        }
        OnError onError = onError(m.get("on-error"), StageEntry.PARSE, path, problems);
        return new StageEntry(path, StageEntry.PARSE, false, formats.get(0).name(), formats.get(0).config(),
                List.of(), problems.convert(TIME_LIMIT, null, path), onError, formats);
    }

    private List<StageEntry.RoutineEntry> routines(Object raw, Map<String, Object> config, String path,
            LoadProblems problems) {
        List<StageEntry.RoutineEntry> routines = new ArrayList<>();
        List<?> names = raw == null ? List.of() : raw instanceof List<?> l ? l : List.of(raw);
        for (int r = 0; r < names.size(); r++) {
            String name = text(names.get(r));
            Map<String, Object> own = problems.map(config.getOrDefault(name, Map.of()), path + ".config." + name);
            routines.add(new StageEntry.RoutineEntry(path + ".routines[" + r + "]", name, own));
        }
        for (String key : config.keySet()) {
            if (names.stream().noneMatch(n -> text(n).equals(key)) && config.get(key) instanceof Map) {
                problems.add(path + ".config." + key, "configures a routine that is not in 'routines'");
            }
        }
        return routines;
    }

    /**
     * The settings of the stage that drives an exit point: the keys of an exit point's {@code config:} that name no
     * routine and hold no mapping (routine configurations are mappings), e.g. verify-sender's
     * {@code from-alignment: reject}. The driving stage's schema checks them like any stage's.
     */
    private static Map<String, Object> drivingStageSettings(Map<String, Object> config,
            List<StageEntry.RoutineEntry> routines) {
        Map<String, Object> settings = new LinkedHashMap<>();
        config.forEach((key, value) -> {
            if (routines.stream().noneMatch(r -> r.name().equals(key)) && !(value instanceof Map)) {
                settings.put(key, value);
            }
        });
        return settings;
    }

    private OnError onError(Object raw, String role, String path, LoadProblems problems) {
        if (raw == null) {
            return OnError.FAIL;
        }
        try {
            OnError value = OnError.valueOf(text(raw).toUpperCase(Locale.ROOT));
            if (value == OnError.CONTINUE && !role.equals(StageEntry.LOG)) {
                problems.add(path + ".on-error", "'continue' is allowed for observer (log) stages only");
            }
            return value;
        } catch (IllegalArgumentException e) {
            problems.add(path + ".on-error", "'" + raw + "' is not one of fail, defer, continue");
            return OnError.FAIL;
        }
    }

    private void checkOrder(List<StageEntry> entries, LoadProblems problems) {
        for (int i = 0; i < entries.size(); i++) {
            boolean parse = entries.get(i).role().equals(StageEntry.PARSE);
            if (parse != (i == 0)) {
                problems.add(entries.get(i).path(), i == 0 ? "the first stage must be 'stage: parse'"
                        : "only the first stage may be 'parse'");
            }
            if (i > 0 && entries.get(i - 1).role().equals(StageEntry.LOG) && !entries.get(i).role().equals("log")) {
                problems.add(entries.get(i).path(), "log stages come last: they observe every outcome");
            }
        }
    }

    static String text(Object raw) {
        return raw == null ? "" : String.valueOf(raw).strip();
    }
}
