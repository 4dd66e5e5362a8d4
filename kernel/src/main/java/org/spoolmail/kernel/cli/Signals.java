package org.spoolmail.kernel.cli;

import java.util.List;

import org.slf4j.LoggerFactory;

/**
 * SIGTERM and SIGINT as a request to stop, not an abrupt exit: the JDK's own handling would start the shutdown
 * hooks and exit with 143 while workers are in the middle of an SMTP transaction. {@code sun.misc.Signal} (module
 * jdk.unsupported, present in every JDK 17 and later) lets the server finish the items in flight and exit 0.
 */
final class Signals {

    private Signals() {
    }

    static void onTermination(Runnable stop) {
        for (String name : List.of("TERM", "INT")) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), s -> stop.run());
            } catch (IllegalArgumentException | LinkageError e) {
                LoggerFactory.getLogger(Signals.class).warn("cannot handle SIG{}: {}", name, e.toString());
            }
        }
    }
}
