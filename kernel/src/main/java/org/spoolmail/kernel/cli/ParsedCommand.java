package org.spoolmail.kernel.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.ParseException;
import org.spoolmail.kernel.config.ConfigException;
import org.spoolmail.kernel.pipeline.ConditionCodes;

/**
 * What every subcommand does the same way, so that each starts from its parsed command line: Commons CLI parsing,
 * {@code --help} printed on standard output with condition code 0, and usage errors (the problem with condition
 * code 16 on standard error, then the help, as a job log shows it) and configuration errors (each problem of
 * pipeline.yaml, then what was not done, 16) printed alike by all.
 */
abstract class ParsedCommand implements Subcommand {

    /** Where the command prints. */
    final Console console;

    ParsedCommand(Console console) {
        this.console = console;
    }

    @Override
    public final int run(String[] args) {
        CommandLine line;
        try {
            line = new DefaultParser().parse(options(), args);
        } catch (ParseException e) {
            return usageError(e.getMessage());
        }
        if (line.hasOption("help")) {
            printHelp(console.out);
            return ConditionCodes.OK;
        }
        return run(line);
    }

    /**
     * Runs the command; {@code --help} is answered before.
     *
     * @param line the parsed arguments
     * @return the condition code
     */
    abstract int run(CommandLine line);

    /** Prints the problem with condition code 16 and the help on standard error. @return 16 */
    final int usageError(String problem) {
        console.problem(name(), problem + " (condition code 16)");
        printHelp(console.err);
        return ConditionCodes.ENVIRONMENT;
    }

    /**
     * Prints each problem of the configuration, then what was not done.
     *
     * @param e the problems
     * @param notDone e.g. {@code nothing was sent}
     * @return 16
     */
    final int configError(ConfigException e, String notDone) {
        e.problems().forEach(p -> console.problem(name(), p));
        console.problem(name(), "configuration error, " + notDone + " (condition code 16)");
        return ConditionCodes.ENVIRONMENT;
    }
}
