package org.spoolmail.kernel.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Where the CLI writes: results to standard output, problems to standard error, both UTF-8, both through
 * {@link TerminalWriter}, so that every line printed, whatever it quotes from input, shows control characters as
 * {@code \\uXXXX} instead of sending them to the terminal.
 */
final class Console {

    final PrintWriter out;
    final PrintWriter err;

    Console(PrintStream out, PrintStream err) {
        this.out = new TerminalWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
        this.err = new TerminalWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8));
    }

    /** Prints a problem as {@code spoolmail <command>: <problem>}. */
    void problem(String command, String text) {
        err.println("spoolmail " + command + ": " + text);
    }
}
