package org.spoolmail.kernel.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.spoolmail.kernel.pipeline.ConditionCodes;
import org.spoolmail.kernel.pipeline.PipelineRunner;

/**
 * The {@code spoolmail} command: {@code spoolmail send ...}, {@code spoolmail check ...}, {@code spoolmail plugins},
 * {@code spoolmail codepages}, {@code spoolmail audit}. The exit status is the
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
                new SubmitCommand(console, launch), new SpoolCommand(console, launch), new QueueCommand(console, launch),
                new PluginsCommand(console, launch), new CodepagesCommand(console),
                new AuditCommand(console, launch, Clock.systemUTC()));
    }

    /**
     * Entry point.
     *
     * @param args the subcommand and its arguments
     */
    public static void main(String[] args) {
        PipelineRunner.holdMailInFlightAtProcessEnd();
        System.exit(new Main(System.out, System.err, System.getenv()).run(args));
    }

    /**
     * Runs a subcommand.
     *
     * @param args the subcommand and its arguments
     * @return the condition code
     */
    public int run(String[] args) {
        if (args.length == 0) {
            usage(console.err);
            return ConditionCodes.ENVIRONMENT;
        }
        if (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            usage(console.out);
            return ConditionCodes.OK;
        }
        if (args[0].equals("--version")) {
            console.out.println("spoolmail " + version());
            return ConditionCodes.OK;
        }
        for (Subcommand s : subcommands) {
            if (s.name().equals(args[0])) {
                return s.run(Arrays.copyOfRange(args, 1, args.length));
            }
        }
        console.problem(args[0], "unknown subcommand");
        usage(console.err);
        return ConditionCodes.ENVIRONMENT;
    }

    private void usage(PrintWriter out) {
        out.println("usage: spoolmail <subcommand> [options]; spoolmail <subcommand> --help for details");
        for (Subcommand s : subcommands) {
            out.printf("  %-9s %s%n", s.name(), s.summary());
        }
        out.println("  spoolmail --version  prints the version");
        out.println("condition codes: 0 delivered, 4 warning, 8 refused, 12 bad input, 16 configuration");
        out.flush();
    }

    /** @return the kernel's version: the jar manifest's Implementation-Version, else the one Maven filtered in */
    static String version() {
        String manifest = Main.class.getPackage().getImplementationVersion();
        if (manifest != null) {
            return manifest;
        }
        Properties build = new Properties();
        try (InputStream in = Main.class.getResourceAsStream("/spoolmail-version.properties")) {
            if (in != null) {
                build.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // no version resource: say so below
        }
        return build.getProperty("version", "(unknown version)");
    }
}
