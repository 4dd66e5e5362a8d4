package org.spoolmail.kernel.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The broker part of {@code spool: { type: jms, ... }} in pipeline.yaml.
 *
 * <pre>
 * spool:
 *   type: jms
 *   url: tcp://mq1.example.com:61616?reconnectAttempts=-1   # Artemis: the core client URL
 *   queue: spoolmail                 # plus spoolmail.active, spoolmail.deferred, spoolmail.held
 *   credentials-file: /etc/spoolmail/broker.cred             # user=..., password=...; chmod 600
 *   # another provider (IBM MQ ...): its connection factory from JNDI, e.g. a JMSAdmin .bindings file
 *   # jndi-factory: com.sun.jndi.fscontext.RefFSContextFactory
 *   # url: file:///var/mqm/jndi
 *   # connection-factory: SPOOLMAILCF
 * </pre>
 *
 * @param url the Artemis core URL, or the JNDI provider URL when {@code connectionFactory} is set
 * @param queue the spool's queue name
 * @param credentialsFile the broker user and password, resolved against pipeline.yaml's folder
 * @param connectionFactory the JNDI name of the provider's connection factory; empty for Artemis's own
 * @param jndiFactory the JNDI initial context factory class, with {@code connectionFactory}
 */
public record JmsSpoolConfig(String url, String queue, Optional<Path> credentialsFile,
        Optional<String> connectionFactory, Optional<String> jndiFactory) {
}
