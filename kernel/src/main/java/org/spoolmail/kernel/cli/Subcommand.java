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
        // Formatted apart and printed line by line: the console escapes a line end inside printed text.
        java.io.StringWriter help = new java.io.StringWriter();
        new HelpFormatter().printHelp(new PrintWriter(help), 100, "spoolmail " + name() + " [options] "
                + synopsis(), summary(), options(), 2, 4, "");
        help.toString().lines().forEach(out::println);
        out.flush();
    }
}
