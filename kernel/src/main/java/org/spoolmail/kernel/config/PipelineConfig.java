package org.spoolmail.kernel.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.spoolmail.exits.config.ConfigKey;
import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.RecordFormat;

/**
 * A pipeline.yaml as read: where it was read from, the plugins folder, the default input shape, the spool,
 * the entries in pipeline order (from the file, never from extension ordinals), the command-line stage settings,
 * and the problems found in the file that did not stop it from being read (the assembler adds its own and reports
 * them all together, so a user sees every problem at once).
 *
 * @param source the file as the user named it (relative or absolute); every message names it in this form, and
 *     relative paths in stage configuration resolve against its folder
 * @param pluginsDirectory the plugins folder named in the file, if any (the CLI's {@code --plugins} overrides)
 * @param sitePluginsDirectory the site's own plugins folder ({@code site-plugins-directory}), loaded beside the
 *     built-in one, if any
 * @param inputCcsid the CCSID of inputs unless {@code --codepage} says otherwise
 * @param inputRecords the record format of inputs unless {@code --records} says otherwise
 * @param entries the stages and exit points in order; the first is the parse stage
 * @param stageSettings settings from the command line (e.g. {@code --trace}: {@code wire-trace: true}) that replace
 *     the file's value in every stage whose schema declares the key
 * @param problems problems of the file, each prefixed with the file and YAML path; empty when it is sound
 * @param spool the {@code spool:} block: where the spool is and how the server drains it
 */
public record PipelineConfig(Path source, Optional<Path> pluginsDirectory, Optional<Path> sitePluginsDirectory,
        Ccsid inputCcsid, RecordFormat inputRecords, List<StageEntry> entries, Map<String, String> stageSettings,
        List<String> problems, SpoolConfig spool) {

    /** Copies the collections. */
    public PipelineConfig {
        entries = List.copyOf(entries);
        stageSettings = Map.copyOf(stageSettings);
        problems = List.copyOf(problems);
    }

    /**
     * A configuration without a site plugins folder.
     *
     * @param source the file as the user named it
     * @param pluginsDirectory the plugins folder named in the file, if any
     * @param inputCcsid the CCSID of inputs
     * @param inputRecords the record format of inputs
     * @param entries the entries in order
     * @param stageSettings command-line stage settings
     * @param problems problems of the file
     */
    public PipelineConfig(Path source, Optional<Path> pluginsDirectory, Ccsid inputCcsid, RecordFormat inputRecords,
            List<StageEntry> entries, Map<String, String> stageSettings, List<String> problems) {
        this(source, pluginsDirectory, Optional.empty(), inputCcsid, inputRecords, entries, stageSettings, problems, SpoolConfig.defaults(source.toAbsolutePath().normalize().getParent()));
    }

    /**
     * A sound configuration without command-line stage settings.
     *
     * @param source the file as the user named it
     * @param pluginsDirectory the plugins folder named in the file, if any
     * @param inputCcsid the CCSID of inputs
     * @param inputRecords the record format of inputs
     * @param entries the entries in order
     */
    public PipelineConfig(Path source, Optional<Path> pluginsDirectory, Ccsid inputCcsid, RecordFormat inputRecords,
            List<StageEntry> entries) {
        this(source, pluginsDirectory, inputCcsid, inputRecords, entries, Map.of(), List.of());
    }

    /**
     * @param newSpool the spool settings to use, e.g. with {@code --workers}
     * @return this configuration with other spool settings
     */
    public PipelineConfig withSpool(SpoolConfig newSpool) {
        return new PipelineConfig(source, pluginsDirectory, sitePluginsDirectory, inputCcsid, inputRecords, entries,
                stageSettings, problems, newSpool);
    }

    /** @return the folder relative paths of stage configuration resolve against: pipeline.yaml's, absolute */
    public Path baseDirectory() {
        return source.toAbsolutePath().normalize().getParent();
    }

    /** @return the parse entry */
    public StageEntry parse() {
        return entries.get(0);
    }

    /** @return the processing entries between parse and the observers, in order */
    public List<StageEntry> processing() {
        return entries.stream().skip(1).filter(e -> !e.role().equals(StageEntry.LOG)).toList();
    }

    /** @return the observer entries */
    public List<StageEntry> observers() {
        return entries.stream().filter(e -> e.role().equals(StageEntry.LOG)).toList();
    }

    /**
     * Returns this configuration with command-line overrides applied: the one place where flags beat the file.
     *
     * @param ccsid {@code --codepage}, if given
     * @param records {@code --records}, if given
     * @param plugins {@code --plugins}, if given
     * @return a new configuration
     */
    public PipelineConfig withOverrides(Optional<Ccsid> ccsid, Optional<RecordFormat> records,
            Optional<Path> plugins) {
        return new PipelineConfig(source, plugins.or(() -> pluginsDirectory), sitePluginsDirectory,
                ccsid.orElse(inputCcsid), records.orElse(inputRecords), entries, stageSettings, problems, spool);
    }

    /**
     * Returns this configuration with a command-line stage setting, e.g. {@code --trace} as {@code wire-trace: true}.
     *
     * @param key the config key, applied to every stage, exit routine and parser whose schema declares it
     * @param value its value as text
     * @return a new configuration
     */
    public PipelineConfig withStageSetting(String key, String value) {
        Map<String, String> settings = new LinkedHashMap<>(stageSettings);
        settings.put(key, value);
        return new PipelineConfig(source, pluginsDirectory, sitePluginsDirectory, inputCcsid, inputRecords, entries,
                settings, problems, spool);
    }

    /**
     * The configuration an extension gets: the file's values, with the command-line stage settings for the keys its
     * schema declares in their place.
     *
     * @param schema the extension's config keys
     * @param fromFile its raw configuration from pipeline.yaml
     * @return the raw configuration to validate and hand to the extension
     */
    public Map<String, Object> stageConfig(List<ConfigKey<?>> schema, Map<String, Object> fromFile) {
        Map<String, Object> raw = new LinkedHashMap<>(fromFile);
        for (ConfigKey<?> key : schema) {
            if (stageSettings.containsKey(key.name())) {
                raw.put(key.name(), stageSettings.get(key.name()));
            }
        }
        return raw;
    }
}
