package org.spoolmail.plugins.deliver.smtp;

import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * GreenMail server setups for the TLS tests. GreenMail gives its server thread 2 s to start, and its SMTPS server
 * builds an SSL context first, which on a loaded 2-core machine can take longer: a slow start is no test failure.
 */
final class SlowStartSetups {

    private static final long STARTUP_MILLIS = 30_000;

    private SlowStartSetups() {
    }

    /** @return GreenMail's SMTPS setup on a free port, allowed 30 s to start */
    static ServerSetup smtps() {
        ServerSetup setup = ServerSetupTest.SMTPS.dynamicPort();
        setup.setServerStartupTimeout(STARTUP_MILLIS);
        return setup;
    }
}
