package org.spoolmail.kernel.plugin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.spoolmail.exits.MailExit;
import org.spoolmail.exits.MailObserver;
import org.spoolmail.exits.MailParser;
import org.spoolmail.exits.MailStage;
import org.spoolmail.exits.StageName;
import org.spoolmail.kernel.config.ConfigException;
import org.spoolmail.kernel.identity.OsAccount;

/**
 * Loads the plugins of one folder with PF4J, starts them, and resolves every extension by its {@code @StageName}
 * once (PF4J's {@code getExtensions} makes new instances on each call). A plugin that fails to start is not
 * ignored as PF4J would: its error is reported when pipeline.yaml refers to anything it should have provided.
 */
public final class PluginHost implements Extensions, AutoCloseable {

    /** The exits-api version: PF4J checks each plugin's {@code Plugin-Requires} against it. */
    public static final String API_VERSION = "1.0.0";

    private final PluginManager manager;
    private final Map<Class<?>, Map<String, LoadedExtension<?>>> extensions = new LinkedHashMap<>();
    private final List<String> duplicates = new ArrayList<>();

    private PluginHost(PluginManager manager) {
        this.manager = manager;
    }

    /**
     * Loads and starts the plugins of a folder and resolves their extensions.
     *
     * @param folder the plugins folder
     * @return the host
     * @throws ConfigException if the folder is missing, writable by others or owned by another user, the OS
     *     cannot say which account runs the process, or a plugin's classes can end the process
     */
    public static PluginHost start(Path folder) throws ConfigException {
        return start(folder, Optional.empty());
    }

    /**
     * Loads and starts the built-in plugins and a site's own plugins folder beside them.
     *
     * @param folder the built-in plugins folder
     * @param site the site's plugins folder, if any: the same checks as the built-in one
     * @return the host
     * @throws ConfigException if a folder is missing, writable by others or owned by another user, the OS cannot
     *     say which account runs the process, a plugin id is in both folders, or a plugin's classes can end the
     *     process
     */
    public static PluginHost start(Path folder, Optional<Path> site) throws ConfigException {
        Optional<Long> uid = OsAccount.current().uid();
        List<String> problems = new ArrayList<>(PluginFolder.problems(folder, uid));
        site.ifPresent(s -> problems.addAll(PluginFolder.problems(s, uid)));
        if (problems.isEmpty() && site.isPresent()) {
            problems.addAll(SitePlugins.sameIds(folder, site.get()));
        }
        if (problems.isEmpty()) {
            // A site's plugins are read as closely as the built-in ones: neither may end the process.
            problems.addAll(PluginCode.problems(folder));
            site.ifPresent(s -> problems.addAll(PluginCode.problems(s)));
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        List<Path> roots = new ArrayList<>(List.of(folder.toAbsolutePath()));
        site.ifPresent(s -> roots.add(s.toAbsolutePath()));
        DefaultPluginManager manager = new DefaultPluginManager(roots);
        manager.setSystemVersion(API_VERSION);
        manager.loadPlugins();
        manager.startPlugins();
        PluginHost host = new PluginHost(manager);
        for (Class<?> point : List.of(MailParser.class, MailStage.class, MailExit.class, MailObserver.class)) {
            host.resolve(point);
        }
        return host;
    }

    private <T> void resolve(Class<T> point) {
        Map<String, LoadedExtension<?>> byName = new LinkedHashMap<>();
        for (T instance : manager.getExtensions(point)) {
            StageName name = instance.getClass().getAnnotation(StageName.class);
            PluginWrapper plugin = manager.whichPlugin(instance.getClass());
            String id = plugin == null ? "(classpath)" : plugin.getPluginId();
            String version = plugin == null ? "" : plugin.getDescriptor().getVersion();
            String key = name == null ? instance.getClass().getName() : name.value();
            LoadedExtension<?> previous = byName.putIfAbsent(key, new LoadedExtension<>(key, id, version, instance));
            if (previous != null) {
                duplicates.add(point.getSimpleName() + " '" + key + "' is provided by both plugin "
                        + previous.pluginId() + " and plugin " + id);
            }
        }
        extensions.put(point, byName);
    }

    /**
     * Finds an extension by name.
     *
     * @param point the extension point
     * @param name the {@code @StageName}
     * @param <T> the extension point type
     * @return the extension, or empty if no started plugin provides it
     */
    @Override
    @SuppressWarnings("unchecked")
    public <T> Optional<LoadedExtension<T>> find(Class<T> point, String name) {
        return Optional.ofNullable((LoadedExtension<T>) extensions.getOrDefault(point, Map.of()).get(name));
    }

    /**
     * Makes a new instance of an extension for one place in the pipeline, so that a routine placed at two exit
     * points (domain-policy at verify-sender and verify-recipients) gets each place's own configuration. Called at
     * start-up only, never per message.
     *
     * @param extension the resolved extension
     * @param <T> the extension point type
     * @return a new, uninitialised instance of the same class, made by PF4J's extension factory
     */
    @Override
    @SuppressWarnings("unchecked")
    public <T> T newInstance(LoadedExtension<T> extension) {
        return (T) manager.getExtensionFactory().create(extension.instance().getClass());
    }

    /**
     * @param point the extension point
     * @return every extension of that point, by name
     */
    @Override
    public List<LoadedExtension<?>> all(Class<?> point) {
        return List.copyOf(extensions.getOrDefault(point, Map.of()).values());
    }

    /** @return the names provided by more than one plugin, each a problem */
    @Override
    public List<String> duplicates() {
        return List.copyOf(duplicates);
    }

    /** @return one line per plugin that did not start, with its own error */
    @Override
    public List<String> failures() {
        List<String> lines = new ArrayList<>();
        for (PluginWrapper p : manager.getPlugins()) {
            if (p.getPluginState() != PluginState.STARTED) {
                Throwable cause = p.getFailedException();
                lines.add("plugin " + p.getPluginId() + " " + p.getDescriptor().getVersion() + " is "
                        + p.getPluginState() + (cause == null ? "" : ": " + cause));
            }
        }
        return lines;
    }

    /** @return the plugins, in load order */
    public List<PluginWrapper> plugins() {
        return manager.getPlugins();
    }

    /** Stops and unloads every plugin, the last started first. */
    @Override
    public void close() {
        // One by one, not stopPlugins(): pf4j 3.15.0 throws ConcurrentModificationException there (pf4j/pf4j#656).
        List<PluginWrapper> started = new ArrayList<>(manager.getStartedPlugins());
        java.util.Collections.reverse(started);
        for (PluginWrapper p : started) {
            manager.stopPlugin(p.getPluginId());
        }
        for (PluginWrapper p : new ArrayList<>(manager.getPlugins())) {
            manager.unloadPlugin(p.getPluginId());
        }
    }
}
