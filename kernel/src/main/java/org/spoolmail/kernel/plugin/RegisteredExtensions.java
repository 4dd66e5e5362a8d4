package org.spoolmail.kernel.plugin;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Extensions an embedding application hands over as objects (no jar, no PF4J), in front of the plugins of a folder
 * when there is one. A name both registered and provided by a plugin is a problem, as two plugins with one name are:
 * the pipeline would otherwise depend on which one happened to win.
 */
public final class RegisteredExtensions implements Extensions, AutoCloseable {

    /** The plugin id shown for registered extensions, in traces and messages. */
    public static final String PLUGIN_ID = "(registered)";

    private final Optional<PluginHost> plugins;
    private final Map<Class<?>, Map<String, LoadedExtension<?>>> byPoint = new LinkedHashMap<>();
    private final Map<LoadedExtension<?>, Supplier<?>> suppliers = new IdentityHashMap<>();
    private final List<String> duplicates = new ArrayList<>();

    /** @param plugins the started plugins of a folder, if the pipeline has one */
    public RegisteredExtensions(Optional<PluginHost> plugins) {
        this.plugins = plugins;
    }

    /**
     * Registers an extension.
     *
     * @param point the extension point it implements
     * @param name the name pipeline.yaml uses
     * @param supplier makes the instance for each place the name fills; called once now for the schema
     * @param <T> the extension point type
     */
    public <T> void register(Class<T> point, String name, Supplier<? extends T> supplier) {
        LoadedExtension<T> extension = new LoadedExtension<>(name, PLUGIN_ID, "", point.cast(supplier.get()));
        Map<String, LoadedExtension<?>> names = byPoint.computeIfAbsent(point, p -> new LinkedHashMap<>());
        if (names.containsKey(name)) {
            duplicates.add(point.getSimpleName() + " '" + name + "' is registered twice");
        }
        plugins.flatMap(p -> p.find(point, name)).ifPresent(p -> duplicates.add(point.getSimpleName() + " '" + name
                + "' is registered and provided by plugin " + p.pluginId()));
        names.put(name, extension);
        suppliers.put(extension, supplier);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Optional<LoadedExtension<T>> find(Class<T> point, String name) {
        LoadedExtension<T> registered = (LoadedExtension<T>) byPoint.getOrDefault(point, Map.of()).get(name);
        return registered != null ? Optional.of(registered) : plugins.flatMap(p -> p.find(point, name));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T newInstance(LoadedExtension<T> extension) {
        Supplier<?> supplier = suppliers.get(extension);
        return supplier != null ? (T) supplier.get() : plugins.orElseThrow().newInstance(extension);
    }

    @Override
    public List<LoadedExtension<?>> all(Class<?> point) {
        List<LoadedExtension<?>> all = new ArrayList<>(byPoint.getOrDefault(point, Map.of()).values());
        plugins.ifPresent(p -> all.addAll(p.all(point)));
        return all;
    }

    @Override
    public List<String> duplicates() {
        List<String> all = new ArrayList<>(duplicates);
        plugins.ifPresent(p -> all.addAll(p.duplicates()));
        return all;
    }

    @Override
    public List<String> failures() {
        return plugins.map(PluginHost::failures).orElse(List.of());
    }

    /** @return the class loaders of the loaded plugins, for checks that close released them */
    public List<ClassLoader> pluginClassLoaders() {
        return plugins.map(p -> p.plugins().stream().map(w -> (ClassLoader) w.getPluginClassLoader()).toList())
                .orElse(List.of());
    }

    /** Stops and unloads the plugins, if any; registered objects are closed by the pipeline that initialised them. */
    @Override
    public void close() {
        plugins.ifPresent(PluginHost::close);
    }
}
