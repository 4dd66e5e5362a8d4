package org.spoolmail.kernel.cli;

import java.io.PrintWriter;

import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Options;

/** One {@code spoolmail} subcommand, with its own Commons CLI options and help. */
interface Subcommand {

    /** @return the name, e.g. {@code send} */
    String name();

    /** @return the argument synopsis after the options, e.g. {@code FILE...|-} */
    String synopsis();

    /** @return one line saying what it does */
    String summary();

    /** @return its options */
    Options options();

    /**
     * Runs it.
     *
     * @param args the arguments after the subcommand's name
     * @return the condition code
     */
    int run(String[] args);

    /**
     * Prints the subcommand's help.
     *
     * @param out where to print
     */
    default void printHelp(PrintWriter out) {
        new HelpFormatter().printHelp(out, 100, "spoolmail " + name() + " [options] " + synopsis(), summary(),
                options(), 2, 4, "");
        out.flush();
    }
}
