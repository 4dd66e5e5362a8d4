package org.spoolmail.kernel.queue;

import java.nio.file.Path;

import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * A real Artemis broker inside the test JVM, reached through the in-VM connector: the same client, sessions,
 * transactions, selectors and browsers as over TCP, without a port. Persistent, so that what a test commits is
 * stored as a standalone broker stores it.
 */
final class EmbeddedBroker implements AutoCloseable {

    static final String URL = "vm://0";

    private final EmbeddedActiveMQ server = new EmbeddedActiveMQ();

    EmbeddedBroker(Path data) throws Exception {
        Configuration c = new ConfigurationImpl().setPersistenceEnabled(true).setSecurityEnabled(false)
                .setJournalDirectory(data.resolve("journal").toString())
                .setBindingsDirectory(data.resolve("bindings").toString())
                .setLargeMessagesDirectory(data.resolve("large").toString())
                .setPagingDirectory(data.resolve("paging").toString())
                .setJournalType(org.apache.activemq.artemis.core.server.JournalType.NIO)
                .addAcceptorConfiguration("in-vm", URL);
        c.addAddressSetting("#", new AddressSettings().setAutoCreateQueues(true).setAutoCreateAddresses(true));
        server.setConfiguration(c);
        server.start();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
