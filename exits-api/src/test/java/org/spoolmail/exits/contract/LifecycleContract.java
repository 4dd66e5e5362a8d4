package org.spoolmail.exits.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.spoolmail.exits.ExitRoutine;
import org.spoolmail.exits.Lifecycle;
import org.spoolmail.exits.StageContext;
import org.spoolmail.exits.StageException;
import org.spoolmail.exits.config.ConfigKey;
import org.spoolmail.exits.config.StageConfig;
import org.spoolmail.exits.fake.FakeStageContext;

/**
 * What every extension owes the kernel, whatever its extension point: a schema of unique kebab-case keys that
 * never holds null, a valid configuration that passes the kernel's check and {@code init}, and an {@code init}
 * that fails, naming the key, when a required key has no value. The point-specific contracts extend it.
 *
 * @param <T> the extension point
 */
public abstract class LifecycleContract<T extends Lifecycle> {

    private static final Pattern KEBAB = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    /** The folder relative paths in the configuration resolve against; a fresh one per test. */
    @TempDir
    protected Path baseDirectory;

    /** @return a new, uninitialised instance, as PF4J makes it */
    protected abstract T newExtension();

    /** @return raw configuration values, as pipeline.yaml gives them, that the extension accepts; none by default */
    protected Map<String, Object> validConfig() {
        return Map.of();
    }

    /**
     * The context {@code init} gets; override to add exit routines or another clock.
     *
     * @param extension the extension
     * @param raw the raw configuration
     * @return the context
     */
    protected FakeStageContext context(T extension, Map<String, Object> raw) {
        return FakeStageContext.of(extension, raw, baseDirectory);
    }

    /**
     * Makes and initialises an instance with {@link #validConfig()}.
     *
     * @return the extension, ready for work
     * @throws StageException if init fails
     */
    protected T initialised() throws StageException {
        T extension = newExtension();
        extension.init(context(extension, validConfig()));
        return extension;
    }

    /** The configuration schema. */
    @Nested
    class Schema {

        @Test
        void configSchemaShouldListUniqueKebabCaseKeysWhenAsked() {
            List<ConfigKey<?>> schema = newExtension().configSchema();

            assertNotNull(schema, "configSchema() returned null");
            Set<String> names = new HashSet<>();
            for (ConfigKey<?> key : schema) {
                assertNotNull(key, "configSchema() holds null");
                assertTrue(KEBAB.matcher(key.name()).matches(), key.name() + " is not kebab-case");
                assertTrue(names.add(key.name()), key.name() + " is listed twice");
            }
        }

        @Test
        void configSchemaShouldBeTheSameWhenAskedTwice() {
            T extension = newExtension();

            assertEquals(extension.configSchema().stream().map(ConfigKey::name).toList(),
                    extension.configSchema().stream().map(ConfigKey::name).toList());
        }

        @Test
        void validConfigShouldPassTheKernelsCheckWhenValidated() {
            assertEquals(List.of(), StageConfig.validate(newExtension().configSchema(), validConfig(), "config"));
        }
    }

    /** The start of the lifecycle. */
    @Nested
    class Init {

        @Test
        void initShouldSucceedWhenGivenTheValidConfig() {
            T extension = newExtension();

            org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> extension.init(context(extension,
                    validConfig())));
            extension.close();
        }

        @Test
        void kernelShouldRefuseTheConfigNamingTheKeyWhenARequiredKeyIsMissing() {
            List<ConfigKey<?>> required = newExtension().configSchema().stream().filter(ConfigKey::required).toList();
            Assumptions.assumeFalse(required.isEmpty(), "no required keys");
            for (ConfigKey<?> key : required) {
                Map<String, Object> without = new java.util.HashMap<>(validConfig());
                without.remove(key.name());

                List<String> problems = StageConfig.validate(newExtension().configSchema(), without, "config");

                assertTrue(problems.contains("config." + key.name() + ": required key is missing ("
                        + key.description() + ")"), problems.toString());
            }
        }

        @Test
        void initShouldFailNamingTheKeyWhenARequiredKeyHasNoValue() {
            List<ConfigKey<?>> schema = newExtension().configSchema();
            List<ConfigKey<?>> required = schema.stream().filter(ConfigKey::required).toList();
            Assumptions.assumeFalse(required.isEmpty(), "no required keys");
            for (ConfigKey<?> key : required) {
                T extension = newExtension();
                Map<String, Object> without = new java.util.HashMap<>(validConfig());
                without.remove(key.name());
                StageConfig lacking = StageConfig.of(schema.stream().map(k -> k == key ? optional(k) : k).toList(),
                        without);
                StageContext context = withConfig(context(extension, validConfig()), lacking);

                Exception e = assertThrows(Exception.class, () -> extension.init(context));

                assertTrue(String.valueOf(e.getMessage()).contains(key.name()),
                        "init without " + key.name() + " failed without naming it: " + e);
            }
        }
    }

    private static <V> ConfigKey<V> optional(ConfigKey<V> key) {
        return new ConfigKey<>(key.name(), java.util.Optional.empty(), false, key.description(), key.converter());
    }

    private static StageContext withConfig(StageContext real, StageConfig config) {
        return new StageContext() {
            @Override
            public String name() {
                return real.name();
            }

            @Override
            public StageConfig config() {
                return config;
            }

            @Override
            public Logger logger() {
                return real.logger();
            }

            @Override
            public Path resolve(String configured) {
                return real.resolve(configured);
            }

            @Override
            public Clock clock() {
                return real.clock();
            }

            @Override
            public List<ExitRoutine> exitRoutines() {
                return real.exitRoutines();
            }
        };
    }
}
