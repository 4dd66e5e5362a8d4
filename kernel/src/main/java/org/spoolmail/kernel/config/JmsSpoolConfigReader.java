package org.spoolmail.kernel.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.spoolmail.exits.config.ConfigKey;

/**
 * Reads the broker keys of the {@code spool:} block: with {@code type: jms}, {@code url} and {@code queue} are
 * required; without it, a broker key is a mistake worth naming (a site that forgot {@code type: jms} would otherwise
 * run a directory spool beside the broker without noticing).
 */
final class JmsSpoolConfigReader {

    static final ConfigKey<String> URL = ConfigKey.string("url", "");
    static final ConfigKey<String> QUEUE = ConfigKey.string("queue", "");
    static final ConfigKey<String> CREDENTIALS = ConfigKey.string("credentials-file", "");
    static final ConfigKey<String> FACTORY = ConfigKey.string("connection-factory", "");
    static final ConfigKey<String> JNDI = ConfigKey.string("jndi-factory", "");
    /** Each item travels as one message held in memory: 10 MiB, Postfix's default message_size_limit. */
    static final ConfigKey<Long> MAX_ITEM = ConfigKey.size("max-item-size", JmsSpoolConfig.DEFAULT_MAX_ITEM_OCTETS);

    private JmsSpoolConfigReader() {
    }

    static Optional<JmsSpoolConfig> read(boolean jms, Map<String, Object> m, Path base, LoadProblems problems) {
        if (!jms) {
            for (ConfigKey<?> k : java.util.List.of(URL, QUEUE, CREDENTIALS, FACTORY, JNDI, MAX_ITEM)) {
                if (m.containsKey(k.name())) {
                    problems.add("spool." + k.name(), "is a broker setting: it needs type: jms");
                }
            }
            return Optional.empty();
        }
        String url = problems.convert(URL, m.get("url"), "spool.url");
        String queue = problems.convert(QUEUE, m.get("queue"), "spool.queue");
        if (url.isBlank()) {
            problems.add("spool.url", "required with type: jms (e.g. tcp://127.0.0.1:61616)");
        }
        if (!queue.matches("[A-Za-z0-9_][A-Za-z0-9_.\\-]{0,200}")) {
            problems.add("spool.queue", "required with type: jms: letters, digits, '_', '.', '-', e.g. spoolmail");
        }
        String cred = problems.convert(CREDENTIALS, m.get("credentials-file"), "spool.credentials-file");
        String factory = problems.convert(FACTORY, m.get("connection-factory"), "spool.connection-factory");
        String jndi = problems.convert(JNDI, m.get("jndi-factory"), "spool.jndi-factory");
        Long maxItem = problems.convert(MAX_ITEM, m.get("max-item-size"), "spool.max-item-size");
        if (maxItem != null && maxItem < 1) {
            problems.add("spool.max-item-size", "must be at least 1 octet, e.g. 10MiB");
        }
        if (factory.isEmpty() != jndi.isEmpty()) {
            problems.add("spool.connection-factory", "connection-factory and jndi-factory go together (JNDI lookup)");
        }
        return Optional.of(new JmsSpoolConfig(url, queue,
                cred.isEmpty() ? Optional.empty() : Optional.of(base.resolve(cred).normalize()),
                factory.isEmpty() ? Optional.empty() : Optional.of(factory),
                jndi.isEmpty() ? Optional.empty() : Optional.of(jndi),
                maxItem == null ? JmsSpoolConfig.DEFAULT_MAX_ITEM_OCTETS : maxItem));
    }
}
