package org.spoolmail.kernel.queue;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Optional;

import jakarta.jms.ConnectionFactory;

import org.spoolmail.kernel.config.JmsSpoolConfig;
import org.spoolmail.kernel.config.SpoolConfig;

/**
 * Opens the spool pipeline.yaml names: the directory spool, or the JMS spool on its broker. The commands and
 * {@code send}'s hold (held and deferred mail goes into the same queue) open it here, so they agree on which.
 */
public final class SpoolOpener {

    private SpoolOpener() {
    }

    /**
     * @param config the {@code spool:} block
     * @param clock the clock of item times
     * @return the queue; close it with {@link #close(SpoolQueue)}
     * @throws IOException if the spool folder or the broker cannot be reached
     */
    public static SpoolQueue open(SpoolConfig config, Clock clock) throws IOException {
        if (config.jms().isEmpty()) {
            return DirectorySpool.open(config.directory(), clock, config.maxDropOctets());
        }
        JmsSpoolConfig j = config.jms().get();
        ConnectionFactory factory = j.connectionFactory().isPresent()
                ? JmsConnections.jndi(j.jndiFactory().orElseThrow(), j.url(), j.connectionFactory().get())
                : JmsConnections.artemis(j.url());
        Optional<JmsCredentials> credentials = j.credentialsFile().isPresent()
                ? Optional.of(JmsCredentials.read(j.credentialsFile().get())) : Optional.empty();
        // The folder still holds the server's status line and the dead letters of DSNs to the null reverse-path.
        Files.createDirectories(config.directory());
        return JmsSpool.open(factory, credentials, j.queue(), clock, j.maxItemOctets());
    }

    /** @param queue a queue {@link #open} gave, or null; a broker connection is closed */
    public static void close(SpoolQueue queue) {
        if (queue instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                // closing a broker connection: what was not committed goes back to the broker
            }
        }
    }
}
