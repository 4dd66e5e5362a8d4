package org.spoolmail.plugins.deliver.smtp;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;

import org.spoolmail.exits.StageException;
import org.spoolmail.exits.mail.RelayConnections;

/**
 * Keeps sessions open between mail objects for {@code connection-idle}, so a run of messages pays for TCP, TLS
 * and AUTH once. Each caller of {@link #borrow()} gets a session of its own (the stage's {@code process} may run
 * concurrently); a session that comes back healthy is kept, most recently used first. A kept session is checked
 * with RSET before it is lent again (which also clears any transaction state, RFC 5321 section 4.1.1.5); one that
 * fails the check, or that sat idle too long, is closed and another is taken or opened. A daemon timer closes
 * sessions that passed their idle time ({@link Watchdog}), so the relay does not see idle connections linger.
 * Thread-safe.
 */
final class SessionPool implements AutoCloseable {

    private final SmartHosts hosts;
    private final Duration idle;
    private final Deque<Idle> sessions = new ArrayDeque<>();
    /** Sessions opened and not yet closed, lent or kept: the server's status line shows it. */
    private final AtomicInteger open = new AtomicInteger();
    private boolean closed;

    /** A session waiting for its next transaction, and since when (System.nanoTime). */
    private record Idle(SmtpSession session, long since) {
    }

    /**
     * @param hosts opens new sessions
     * @param idle how long a session may wait unused; zero disables reuse
     * @param watchdog runs the check for expired sessions
     */
    SessionPool(SmartHosts hosts, Duration idle, Watchdog watchdog) {
        this.hosts = hosts;
        this.idle = idle;
        if (!idle.isZero()) {
            watchdog.every(this::closeExpired, idle.dividedBy(2));
        }
    }

    /**
     * @return a session for one caller: a kept one that answered RSET, or a new one
     * @throws StageException if no relay will have a session
     */
    SmtpSession borrow() throws StageException {
        Idle kept;
        while ((kept = take()) != null) {
            if (System.nanoTime() - kept.since() > idle.toNanos()) {
                quietlyClose(kept.session(), true);
            } else if (answersReset(kept.session())) {
                return kept.session();
            } else {
                quietlyClose(kept.session(), false);
            }
        }
        SmtpSession fresh = hosts.open();
        open.incrementAndGet();
        return fresh;
    }

    /** @return the sessions open now and how many of them wait idle in the pool */
    RelayConnections connections() {
        int pooled;
        synchronized (this) {
            pooled = sessions.size();
        }
        // A session lent out between the two reads could make open lag behind pooled for an instant.
        return new RelayConnections(Math.max(open.get(), pooled), pooled);
    }

    /**
     * Takes back a session that ended its transaction cleanly: kept for the next caller, or ended with QUIT when
     * reuse is off or the pool is closed.
     *
     * @param session the session
     */
    void release(SmtpSession session) {
        synchronized (this) {
            if (!closed && !idle.isZero()) {
                sessions.push(new Idle(session, System.nanoTime()));
                return;
            }
        }
        quietlyClose(session, true);
    }

    /**
     * Ends a session that must not carry another transaction.
     *
     * @param session the session
     * @param quit true to send QUIT first (the connection still works), false to just close it
     */
    void discard(SmtpSession session, boolean quit) {
        quietlyClose(session, quit);
    }

    /** Sends QUIT on every kept session and closes it; later releases close their session. */
    @Override
    public void close() {
        Deque<Idle> all;
        synchronized (this) {
            closed = true;
            all = new ArrayDeque<>(sessions);
            sessions.clear();
        }
        all.forEach(i -> quietlyClose(i.session(), true));
    }

    private synchronized Idle take() {
        return sessions.poll();
    }

    private void closeExpired() {
        Deque<Idle> expired = new ArrayDeque<>();
        synchronized (this) {
            sessions.removeIf(i -> System.nanoTime() - i.since() > idle.toNanos() && expired.add(i));
        }
        expired.forEach(i -> quietlyClose(i.session(), true));
    }

    private static boolean answersReset(SmtpSession session) {
        try {
            return session.reset().isPositive();
        } catch (IOException e) {
            return false;
        }
    }

    private void quietlyClose(SmtpSession session, boolean quit) {
        open.decrementAndGet();
        try {
            if (quit) {
                session.quit();
            }
        } catch (IOException e) {
            // The session is being dropped; a lost QUIT changes nothing that was decided.
        } finally {
            try {
                session.close();
            } catch (IOException e) {
                // nothing more can be done about a socket that will not close
            }
        }
    }
}
