package org.spoolmail.kernel.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.spoolmail.exits.Lifecycle;
import org.spoolmail.exits.config.ConfigKey;
import org.spoolmail.exits.config.StageConfig;
import org.spoolmail.kernel.config.ConfigException;
import org.spoolmail.kernel.config.PipelineConfig;
import org.spoolmail.kernel.config.StageEntry;
import org.spoolmail.kernel.plugin.LoadedExtension;
import org.spoolmail.kernel.plugin.Extensions;

/** Collects the problems of one pipeline, each with the file and YAML path, while resolving its extensions. */
final class Problems {

    final List<String> lines = new ArrayList<>();
    private final PipelineConfig config;
    private final String file;
    private final Extensions host;

    Problems(PipelineConfig config, Extensions host) {
        this.config = config;
        this.file = config.source().toString();
        this.host = host;
    }

    <T> Optional<LoadedExtension<T>> find(Class<T> point, StageEntry entry, String name, String namePath,
            Map<String, Object> raw, String configPath) {
        Optional<LoadedExtension<T>> found = host.find(point, name);
        if (found.isEmpty()) {
            List<String> known = host.all(point).stream().map(LoadedExtension::name).sorted().toList();
            lines.add(file + ": " + namePath + ": no " + kind(point) + " named '" + name + "' for '"
                    + entry.role() + "' (available: " + (known.isEmpty() ? "none" : String.join(", ", known)) + ")");
            return found;
        }
        List<ConfigKey<?>> schema = ((Lifecycle) found.get().instance()).configSchema();
        List<String> schemaProblems = StageConfig.validate(schema, config.stageConfig(schema, raw), configPath);
        schemaProblems.forEach(p -> lines.add(file + ": " + p));
        return found;
    }

    void throwIfAny() throws ConfigException {
        if (!lines.isEmpty()) {
            List<String> all = new ArrayList<>(lines);
            host.failures().forEach(f -> all.add("plugins: " + f));
            throw new ConfigException(all);
        }
    }

    private static String kind(Class<?> point) {
        return switch (point.getSimpleName()) {
            case "MailParser" -> "parser plugin";
            case "MailExit" -> "exit routine";
            case "MailObserver" -> "log plugin";
            default -> "stage plugin";
        };
    }
}
