package org.spoolmail.kernel.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.spoolmail.exits.config.ConfigKey;
import org.spoolmail.exits.mail.ForwardPath;

/**
 * Reads the {@code spool:} block like the rest of pipeline.yaml: unknown keys, bare numbers for durations and
 * values of the wrong kind are problems with their YAML path, all reported together.
 */
final class SpoolConfigReader {

    private static final ConfigKey<String> TYPE = ConfigKey.oneOf("type", "directory", "directory",
            "jms");
    private static final ConfigKey<String> DIRECTORY = ConfigKey.string("directory", "spool");
    private static final ConfigKey<Integer> WORKERS = ConfigKey.integer("workers", 4, 1, 256);
    private static final ConfigKey<Duration> RETRY_INITIAL = ConfigKey.duration("retry-initial",
            Duration.ofMinutes(5));
    private static final ConfigKey<Duration> RETRY_MAX = ConfigKey.duration("retry-max", Duration.ofHours(1));
    private static final ConfigKey<Duration> MAX_AGE = ConfigKey.duration("max-age", Duration.ofHours(120));
    private static final ConfigKey<String> BAD_SPOOL = ConfigKey.oneOf("bad-spool-disposition", "hold", "hold",
            "delete");
    private static final ConfigKey<List<String>> ADMINS = ConfigKey.stringList("mail-administrators", List.of());
    private static final ConfigKey<String> DEAD_LETTER = ConfigKey.string("dead-letter", "");
    private static final ConfigKey<Duration> POLL = ConfigKey.duration("poll-interval", Duration.ofSeconds(2));
    private static final ConfigKey<Long> MAX_DROP = ConfigKey.size("max-drop-size",
            SpoolConfig.DEFAULT_MAX_DROP_OCTETS);
    private static final List<ConfigKey<?>> KEYS = List.of(TYPE, DIRECTORY, WORKERS, RETRY_INITIAL, RETRY_MAX,
            MAX_AGE, BAD_SPOOL, ADMINS, DEAD_LETTER, POLL, MAX_DROP, JmsSpoolConfigReader.URL,
            JmsSpoolConfigReader.QUEUE, JmsSpoolConfigReader.CREDENTIALS, JmsSpoolConfigReader.FACTORY,
            JmsSpoolConfigReader.JNDI, JmsSpoolConfigReader.MAX_ITEM);

    private SpoolConfigReader() {
    }

    static SpoolConfig read(Object raw, Path base, LoadProblems problems) {
        if (raw == null) {
            return SpoolConfig.defaults(base);
        }
        Map<String, Object> m = problems.map(raw, "spool");
        problems.onlyKeys(m, Set.copyOf(KEYS.stream().map(ConfigKey::name).toList()), "spool.");
        String type = problems.convert(TYPE, m.get("type"), "spool.type");
        Path directory = base.resolve(String.valueOf(problems.convert(DIRECTORY, m.get("directory"),
                "spool.directory"))).normalize();
        Duration initial = problems.convert(RETRY_INITIAL, m.get("retry-initial"), "spool.retry-initial");
        Duration max = problems.convert(RETRY_MAX, m.get("retry-max"), "spool.retry-max");
        if (max.compareTo(initial) < 0) {
            problems.add("spool.retry-max", max + " is shorter than retry-initial " + initial);
        }
        List<String> admins = problems.convert(ADMINS, m.get("mail-administrators"), "spool.mail-administrators");
        for (String a : admins) {
            try {
                ForwardPath.parse(a);
            } catch (RuntimeException e) {
                problems.add("spool.mail-administrators", "'" + a + "' is not an address: " + e.getMessage());
            }
        }
        String deadLetter = problems.convert(DEAD_LETTER, m.get("dead-letter"), "spool.dead-letter");
        return new SpoolConfig(directory, problems.convert(WORKERS, m.get("workers"), "spool.workers"), initial, max,
                problems.convert(MAX_AGE, m.get("max-age"), "spool.max-age"),
                problems.convert(BAD_SPOOL, m.get("bad-spool-disposition"), "spool.bad-spool-disposition")
                        .equals("delete"), admins,
                deadLetter.isEmpty() ? directory.resolve("dead-letter") : base.resolve(deadLetter).normalize(),
                problems.convert(POLL, m.get("poll-interval"), "spool.poll-interval"),
                JmsSpoolConfigReader.read("jms".equals(type), m, base, problems),
                problems.convert(MAX_DROP, m.get("max-drop-size"), "spool.max-drop-size"));
    }
}
