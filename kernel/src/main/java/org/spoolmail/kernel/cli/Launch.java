package org.spoolmail.kernel.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.spoolmail.kernel.config.PipelineConfig;

/**
 * Where things are when the command starts: the default pipeline.yaml and plugins folder. The launcher script sets
 * {@code spoolmail.home} to the distribution, whose {@code plugins} folder holds the built-in plugins.
 */
final class Launch {

    private final Map<String, String> environment;

    Launch(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    Map<String, String> environment() {
        return environment;
    }

    /** {@code --config}, else $SPOOLMAIL_CONFIG, else pipeline.yaml in the working folder. */
    Path configFile(Optional<String> flag) {
        return Path.of(flag.or(() -> Optional.ofNullable(environment.get("SPOOLMAIL_CONFIG")))
                .orElse("pipeline.yaml"));
    }

    /** {@code --plugins}, else pipeline.yaml's plugins-directory, else the distribution's, else ./plugins. */
    Path pluginsFolder(Optional<String> flag, Optional<PipelineConfig> config) {
        return flag.map(Path::of)
                .or(() -> config.flatMap(PipelineConfig::pluginsDirectory))
                .or(() -> Optional.ofNullable(System.getProperty("spoolmail.home")).map(h -> Path.of(h, "plugins")))
                .orElse(Path.of("plugins"));
    }
}
