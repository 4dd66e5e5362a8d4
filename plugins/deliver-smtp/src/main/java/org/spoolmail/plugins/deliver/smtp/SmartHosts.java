package org.spoolmail.plugins.deliver.smtp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.spoolmail.exits.StageException;
import org.spoolmail.exits.TransientStageException;

/**
 * Opens a session with the first smart host that will have one, trying the configured relays in order: a relay
 * that cannot be reached, fails the implicit TLS handshake or does not greet with 2xx is skipped for the next.
 * A relay that greets but then refuses EHLO, TLS or AUTH is not skipped: that is a configuration matter the next
 * relay would most likely share, and the reason must reach the operator as it is. Thread-safe.
 */
final class SmartHosts {

    private final SmtpSettings settings;
    private final WireTrace trace;
    private final Watchdog watchdog;

    SmartHosts(SmtpSettings settings, WireTrace trace, Watchdog watchdog) {
        this.settings = settings;
        this.trace = trace;
        this.watchdog = watchdog;
    }

    /**
     * @return a started session with the first relay that answers
     * @throws StageException transient, naming every relay and why it failed, if none answers; or the session
     *     failure of the relay that answered
     */
    SmtpSession open() throws StageException {
        List<String> failures = new ArrayList<>();
        String last = "";
        for (Relay relay : settings.relays()) {
            SmtpSession session;
            try {
                session = SmtpSession.connect(settings, relay, trace, watchdog);
            } catch (IOException e) {
                last = SmtpSession.describe(e);
                failures.add(relay.peer() + ": " + last);
                trace.event(relay.peer(), "skipped: " + SmtpSession.describe(e));
                continue;
            }
            start(session);
            return session;
        }
        throw new TransientStageException(failures.size() == 1
                ? "smart host " + settings.relays().get(0).peer() + " unreachable: " + last
                : "no smart host answered: " + String.join("; ", failures), null);
    }

    private static void start(SmtpSession session) throws StageException {
        try {
            session.start();
        } catch (IOException e) {
            closeQuietly(session);
            throw new TransientStageException("smart host " + session.relay().peer() + ": "
                    + SmtpSession.describe(e), e);
        } catch (StageException | RuntimeException e) {
            closeQuietly(session);
            throw e;
        }
    }

    private static void closeQuietly(SmtpSession session) {
        try {
            session.close();
        } catch (IOException e) {
            // the session failed already; its socket is gone either way
        }
    }
}
