package org.spoolmail.plugins.deliver.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.net.ssl.SSLSocketFactory;

import org.junit.jupiter.api.Test;

/** The TLS socket factory is made once, at its first use, whichever thread asks first. */
class TlsFactoryTest {

    @Test
    void socketFactoryShouldBeOneInstanceWhenSixteenThreadsAskAtOnce() throws Exception {
        TlsFactory tls = TlsFactory.create(Optional.empty(), Optional.empty());
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<SSLSocketFactory>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(tls::socketFactory);
            }
            Set<SSLSocketFactory> seen = new HashSet<>();
            for (Future<SSLSocketFactory> f : pool.invokeAll(calls)) {
                seen.add(f.get());
            }
            assertEquals(1, seen.size());
            assertSame(seen.iterator().next(), tls.socketFactory());
        } finally {
            pool.shutdownNow();
        }
    }
}
