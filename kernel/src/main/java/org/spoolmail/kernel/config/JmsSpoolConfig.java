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
 *   max-item-size: 10MiB             # larger items are refused at submit (each is one message held in memory)
 * </pre>
 *
 * @param url the Artemis core URL, or the JNDI provider URL when {@code connectionFactory} is set
 * @param queue the spool's queue name
 * @param credentialsFile the broker user and password, resolved against pipeline.yaml's folder
 * @param connectionFactory the JNDI name of the provider's connection factory; empty for Artemis's own
 * @param jndiFactory the JNDI initial context factory class, with {@code connectionFactory}
 * @param maxItemOctets the largest item the spool takes, in octets
 */
public record JmsSpoolConfig(String url, String queue, Optional<Path> credentialsFile,
        Optional<String> connectionFactory, Optional<String> jndiFactory, long maxItemOctets) {

    /** 10 MiB. */
    public static final long DEFAULT_MAX_ITEM_OCTETS = 10L << 20;
}
