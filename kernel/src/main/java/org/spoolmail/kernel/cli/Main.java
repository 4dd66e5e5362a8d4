package org.spoolmail.kernel.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.spoolmail.kernel.pipeline.ConditionCodes;

/**
 * The {@code spoolmail} command: {@code spoolmail send ...}, {@code spoolmail check ...}, {@code spoolmail plugins},
 * {@code spoolmail codepages}. The exit status is the
 * condition code a job step tests: 0, 4, 8, 12 or 16.
 */
public final class Main {

    private final Console console;
    private final List<Subcommand> subcommands;

    /**
     * @param out standard output
     * @param err standard error
     * @param environment the process environment
     */
    public Main(PrintStream out, PrintStream err, Map<String, String> environment) {
        this.console = new Console(out, err);
        Launch launch = new Launch(environment);
        this.subcommands = List.of(new SendCommand(console, launch, false), new SendCommand(console, launch, true),
                new PluginsCommand(console, launch), new CodepagesCommand(console));
    }

    /**
     * Entry point.
     *
     * @param args the subcommand and its arguments
     */
    public static void main(String[] args) {
        System.exit(new Main(System.out, System.err, System.getenv()).run(args));
    }

    /**
     * Runs a subcommand.
     *
     * @param args the subcommand and its arguments
     * @return the condition code
     */
    public int run(String[] args) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            usage();
            return args.length == 0 ? ConditionCodes.ENVIRONMENT : ConditionCodes.OK;
        }
        for (Subcommand s : subcommands) {
            if (s.name().equals(args[0])) {
                return s.run(Arrays.copyOfRange(args, 1, args.length));
            }
        }
        console.problem(args[0], "unknown subcommand");
        usage();
        return ConditionCodes.ENVIRONMENT;
    }

    private void usage() {
        console.err.println("usage: spoolmail <subcommand> [options]; spoolmail <subcommand> --help for details");
        for (Subcommand s : subcommands) {
            console.err.printf("  %-9s %s%n", s.name(), s.summary());
        }
        console.err.println("condition codes: 0 delivered, 4 warning, 8 refused, 12 bad input, 16 configuration");
    }
}
