package org.spoolmail.kernel.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.RecordFormat;

/**
 * A validated pipeline.yaml: where it was read from, the plugins folder, the default input shape, and the
 * entries in pipeline order (from the file, never from extension ordinals).
 *
 * @param source the file it was read from; relative paths in stage configuration resolve against its folder
 * @param pluginsDirectory the plugins folder named in the file, if any (the CLI's {@code --plugins} overrides)
 * @param inputCcsid the CCSID of inputs unless {@code --codepage} says otherwise
 * @param inputRecords the record format of inputs unless {@code --records} says otherwise
 * @param entries the stages and exit points in order; the first is the parse stage
 */
public record PipelineConfig(Path source, Optional<Path> pluginsDirectory, Ccsid inputCcsid,
        RecordFormat inputRecords, List<StageEntry> entries) {

    /** Copies the list. */
    public PipelineConfig {
        entries = List.copyOf(entries);
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
        return new PipelineConfig(source, plugins.or(() -> pluginsDirectory), ccsid.orElse(inputCcsid),
                records.orElse(inputRecords), entries);
    }
}
