package org.spoolmail.kernel.queue;

import java.io.IOException;
import java.util.Hashtable;

import javax.naming.Context;
import javax.naming.InitialContext;
import javax.naming.NamingException;

import jakarta.jms.ConnectionFactory;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * Makes the connection factory of a JMS spool: Artemis's own from its URL, or any provider's (IBM MQ's Jakarta
 * client, ...) looked up in JNDI, the way such providers are configured in Jakarta EE servers.
 */
public final class JmsConnections {

    private JmsConnections() {
    }

    /**
     * Artemis's factory for a core URL such as {@code tcp://127.0.0.1:61616}. Unless the URL says otherwise it
     * reconnects for ever (every 500 ms) when the broker goes, so a broker restart pauses the instances instead of
     * stopping them, and its consumers buffer nothing ({@code consumerWindowSize=0}): a buffered message would
     * wait for this instance while others are idle.
     *
     * @param url the core URL with optional parameters
     * @return the factory
     */
    public static ConnectionFactory artemis(String url) {
        ActiveMQConnectionFactory f = new ActiveMQConnectionFactory(url);
        if (!url.contains("consumerWindowSize")) {
            f.setConsumerWindowSize(0);
        }
        if (!url.contains("reconnectAttempts")) {
            f.setReconnectAttempts(-1);
            f.setRetryInterval(500);
        }
        return f;
    }

    /**
     * @param initialFactory the JNDI initial context factory class, e.g.
     *     {@code com.sun.jndi.fscontext.RefFSContextFactory} for a JMSAdmin {@code .bindings} file
     * @param providerUrl the JNDI provider URL, e.g. {@code file:///var/mqm/jndi}
     * @param name the connection factory's JNDI name
     * @return the provider's factory
     * @throws IOException if the lookup fails or names no connection factory
     */
    public static ConnectionFactory jndi(String initialFactory, String providerUrl, String name) throws IOException {
        Hashtable<String, Object> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, initialFactory);
        env.put(Context.PROVIDER_URL, providerUrl);
        try {
            Object found = new InitialContext(env).lookup(name);
            if (found instanceof ConnectionFactory f) {
                return f;
            }
            throw new IOException("JNDI name " + name + " is a " + found.getClass().getName()
                    + ", not a jakarta.jms.ConnectionFactory (a javax.jms client needs its Jakarta edition)");
        } catch (NamingException e) {
            throw new IOException("cannot look up connection factory " + name + " with " + initialFactory + ": "
                    + e.getMessage(), e);
        }
    }
}
