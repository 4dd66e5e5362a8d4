package org.spoolmail.kernel.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.pf4j.CompoundPluginDescriptorFinder;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.PluginDescriptorFinder;
import org.pf4j.PropertiesPluginDescriptorFinder;
import org.pf4j.PluginRuntimeException;

/**
 * A site's own plugins folder loaded beside the distribution's built-in one, as a site library is concatenated to
 * the system's: the site installs its exit and nothing else. A plugin id found in both folders is refused rather than
 * one silently shadowing the other (PF4J would log the second and go on without it): a site replaces a built-in
 * stage by giving its plugin an id and {@code @StageName} of its own and naming it in {@code use:}, so the same id
 * in both folders is a mistake, typically built-in jars copied into the site folder that will age there.
 */
final class SitePlugins {

    /** How PF4J's DefaultPluginManager finds descriptors: plugin.properties, else the MANIFEST. */
    private static final PluginDescriptorFinder DESCRIPTORS = new CompoundPluginDescriptorFinder()
            .add(new PropertiesPluginDescriptorFinder()).add(new ManifestPluginDescriptorFinder());

    private SitePlugins() {
    }

    /**
     * @param builtIn the distribution's plugins folder (or the one {@code --plugins} names)
     * @param site the site's plugins folder
     * @return one line per plugin id found in both folders, naming both places; empty when there is none
     */
    static List<String> sameIds(Path builtIn, Path site) {
        Map<String, Path> builtIns = ids(builtIn);
        List<String> problems = new ArrayList<>();
        ids(site).forEach((id, path) -> Optional.ofNullable(builtIns.get(id)).ifPresent(other -> problems.add(
                "plugin " + id + " is in the site plugins folder (" + path + ") and among the built-in plugins ("
                + other + "): remove it from the site folder, or give the site's plugin an id of its own (its"
                + " Plugin-Id) and name its stage in use:")));
        return problems;
    }

    /** The plugin id of every jar, zip and unpacked plugin folder in a folder; unreadable ones are PF4J's to report. */
    private static Map<String, Path> ids(Path folder) {
        Map<String, Path> ids = new LinkedHashMap<>();
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path path : entries.sorted().toList()) {
                if (DESCRIPTORS.isApplicable(path) && candidate(path)) {
                    try {
                        ids.putIfAbsent(DESCRIPTORS.find(path).getPluginId(), path);
                    } catch (PluginRuntimeException e) {
                        // not a plugin, or a broken one: PF4J reports it when it loads the folder
                    }
                }
            }
        } catch (IOException e) {
            // PluginFolder has already said why the folder cannot be read
        }
        return ids;
    }

    private static boolean candidate(Path path) {
        String name = path.getFileName().toString();
        return Files.isDirectory(path) || name.endsWith(".jar") || name.endsWith(".zip");
    }
}
