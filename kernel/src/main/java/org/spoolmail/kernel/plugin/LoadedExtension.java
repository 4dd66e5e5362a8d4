package org.spoolmail.kernel.plugin;

/**
 * One extension found at start-up, with the name pipeline.yaml uses and the plugin that provides it.
 *
 * @param name the {@code @StageName}
 * @param pluginId the providing plugin's id
 * @param pluginVersion the providing plugin's version
 * @param instance the one instance the kernel uses for the whole run
 * @param <T> the extension point
 */
public record LoadedExtension<T>(String name, String pluginId, String pluginVersion, T instance) {
}
