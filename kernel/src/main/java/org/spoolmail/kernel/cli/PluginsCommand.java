package org.spoolmail.kernel.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.pf4j.PluginWrapper;
import org.spoolmail.exits.Lifecycle;
import org.spoolmail.exits.MailExit;
import org.spoolmail.exits.MailObserver;
import org.spoolmail.exits.MailParser;
import org.spoolmail.exits.MailStage;
import org.spoolmail.kernel.config.ConfigException;
import org.spoolmail.kernel.config.PipelineConfig;
import org.spoolmail.kernel.config.PipelineConfigLoader;
import org.spoolmail.kernel.pipeline.ConditionCodes;
import org.spoolmail.kernel.plugin.LoadedExtension;
import org.spoolmail.kernel.plugin.PluginHost;

/**
 * {@code spoolmail plugins}: lists the plugins of the plugins folder with their versions and states, then the
 * parsers, stages, exit routines and log stages they provide, each with its configuration keys, in columns as wide
 * as their longest value; a footer names the keys of an exit-point entry.
 */
final class PluginsCommand extends ParsedCommand {

    private static final List<Class<?>> POINTS = List.of(MailParser.class, MailStage.class, MailExit.class,
            MailObserver.class);

    /** The keys of an exit-point entry in pipeline.yaml, which no plugin declares. */
    static final String EXIT_POINT_KEYS = "Exit-point entries (- exit: NAME) take: routines (MailExit names above, run in"
            + " order), time-limit (a duration such as 5s; default 10s), on-error (fail or defer; default fail)";

    private final Launch launch;

    PluginsCommand(Console console, Launch launch) {
        super(console);
        this.launch = launch;
    }

    @Override
    public String name() {
        return "plugins";
    }

    @Override
    public String synopsis() {
        return "";
    }

    @Override
    public String summary() {
        return "list the loaded plugins, stages and exit routines with versions";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(CommonOptions.config("pipeline file whose plugins-directory to use"))
                .addOption(CommonOptions.plugins())
                .addOption(CommonOptions.help());
    }

    @Override
    int run(CommandLine line) {
        if (!line.getArgList().isEmpty()) {
            return usageError("no arguments expected, got " + line.getArgList());
        }
        try {
            Optional<PipelineConfig> config = Optional.empty();
            if (line.hasOption("config")) {
                config = Optional.of(new PipelineConfigLoader().load(Path.of(line.getOptionValue("config"))));
            }
            Path folder = launch.pluginsFolder(Optional.ofNullable(line.getOptionValue("plugins")), config);
            Optional<Path> site = config.flatMap(PipelineConfig::sitePluginsDirectory);
            try (PluginHost host = Kernel.plugins(folder, site).getInstance(PluginHost.class)) {
                print(folder, site, host);
                return host.failures().isEmpty() ? ConditionCodes.OK : ConditionCodes.ENVIRONMENT;
            }
        } catch (ConfigException e) {
            e.problems().forEach(p -> console.problem(name(), p));
            return ConditionCodes.ENVIRONMENT;
        }
    }

    private void print(Path folder, Optional<Path> site, PluginHost host) {
        console.out.println("plugins folder " + folder.toAbsolutePath().normalize());
        site.ifPresent(s -> console.out.println("site plugins folder " + s.toAbsolutePath().normalize()));
        List<PluginWrapper> plugins = host.plugins().stream()
                .sorted(java.util.Comparator.comparing(PluginWrapper::getPluginId)).toList();
        String row = "  %-" + width(plugins.stream().map(PluginWrapper::getPluginId)) + "s %-"
                + width(plugins.stream().map(p -> p.getDescriptor().getVersion())) + "s %-"
                + width(plugins.stream().map(p -> p.getPluginState().toString())) + "s %s%n";
        for (PluginWrapper p : plugins) {
            console.out.printf(row, p.getPluginId(), p.getDescriptor().getVersion(), p.getPluginState(),
                    p.getDescriptor().getPluginDescription());
        }
        host.failures().forEach(f -> console.problem(name(), f));
        String extension = "  %-" + width(POINTS.stream().flatMap(point -> host.all(point).stream())
                .map(LoadedExtension::name)) + "s from %s %s%n";
        for (Class<?> point : POINTS) {
            console.out.println(point.getSimpleName() + ":");
            for (LoadedExtension<?> e : host.all(point).stream()
                    .sorted(java.util.Comparator.comparing(LoadedExtension::name)).toList()) {
                console.out.printf(extension, e.name(), e.pluginId(), e.pluginVersion());
                ((Lifecycle) e.instance()).configSchema()
                        .forEach(k -> console.out.println("      " + KeyDescription.of(k)));
            }
        }
        console.out.println(EXIT_POINT_KEYS);
        host.duplicates().forEach(d -> console.problem(name(), d));
    }

    /** The width of a column: its longest value, at least 1 (a format width must be positive). */
    private static int width(java.util.stream.Stream<String> values) {
        return Math.max(1, values.mapToInt(String::length).max().orElse(1));
    }
}
