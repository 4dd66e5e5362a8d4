package org.spoolmail.kernel.plugin;

import java.util.List;
import java.util.Optional;

/**
 * Where the pipeline assembler finds extensions by their {@code @StageName}: the plugins of a folder
 * ({@link PluginHost}), objects an embedding application registered ({@link RegisteredExtensions}), or both.
 */
public interface Extensions {

    /**
     * Finds an extension by name.
     *
     * @param point the extension point
     * @param name the {@code @StageName}
     * @param <T> the extension point type
     * @return the extension, or empty if none is known by that name
     */
    <T> Optional<LoadedExtension<T>> find(Class<T> point, String name);

    /**
     * Makes the instance for one place in the pipeline. Called at start-up only, never per message.
     *
     * @param extension an extension this source found
     * @param <T> the extension point type
     * @return the instance, not initialised yet
     */
    <T> T newInstance(LoadedExtension<T> extension);

    /**
     * @param point the extension point
     * @return every extension of that point
     */
    List<LoadedExtension<?>> all(Class<?> point);

    /** @return the names provided twice, each a problem */
    List<String> duplicates();

    /** @return one line per plugin that did not start, with its own error */
    List<String> failures();
}
