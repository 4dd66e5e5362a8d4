package org.spoolmail.plugins.deliver.smtp;

import java.util.function.Consumer;

/**
 * The SMTP dialogue for people ({@code wire-trace: true}): {@code C: } before each command line, {@code S: } before
 * each reply line, each prefixed with the relay. Credentials never appear: the argument of AUTH and every answer to
 * an AUTH challenge are shown as {@code ***}, and so is every secret the connection sent wherever a command or a
 * reply holds it ({@link SecretMask}). Control characters (ESC, BEL, NUL, CR) are shown as {@code ?}
 * ({@link Printable}). The message itself is never shown, only its size. Thread-safe if the
 * sink is (an SLF4J logger is).
 */
final class WireTrace {

    /** A trace that prints nothing. */
    static final WireTrace OFF = new WireTrace(line -> { }, false);

    private final Consumer<String> sink;
    private final boolean enabled;

    /**
     * @param sink where lines go, e.g. the stage logger's {@code info}
     * @param enabled false to print nothing
     */
    WireTrace(Consumer<String> sink, boolean enabled) {
        this.sink = sink;
        this.enabled = enabled;
    }

    /**
     * @param peer the relay
     * @param line a command line as sent; an AUTH line is shown with its mechanism only
     */
    void command(String peer, String line) {
        if (enabled) {
            emit(peer + " C: " + redacted(line));
        }
    }

    /** @param peer the relay; shows that a credential line went out, without it */
    void secret(String peer) {
        if (enabled) {
            emit(peer + " C: ***");
        }
    }

    /** @param peer the relay @param reply a reply as received, one trace line per reply line */
    void reply(String peer, ServerReply reply) {
        if (enabled) {
            for (int i = 0; i < reply.lines().size(); i++) {
                String separator = i == reply.lines().size() - 1 ? " " : "-";
                emit(peer + " S: " + reply.code() + separator + reply.lines().get(i));
            }
        }
    }

    /** @param peer the relay @param octets the message's octets before dot-stuffing */
    void data(String peer, long octets) {
        if (enabled) {
            emit(peer + " C: (message, " + octets + " octets, not shown)");
            emit(peer + " C: .");
        }
    }

    /** @param peer the relay @param event e.g. a connection or TLS step */
    void event(String peer, String event) {
        if (enabled) {
            emit(peer + " -- " + event);
        }
    }

    /** Every line leaves with its control characters as '?': a relay cannot drive the operator's terminal. */
    private void emit(String line) {
        sink.accept(Printable.of(line));
    }

    private static String redacted(String line) {
        if (line.regionMatches(true, 0, "AUTH ", 0, 5)) {
            int blank = line.indexOf(' ', 5);
            return blank < 0 ? line : line.substring(0, blank) + " ***";
        }
        return line;
    }
}
