package org.spoolmail.kernel.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.ContentHandle;
import org.spoolmail.exits.mail.InputFiles;
import org.spoolmail.exits.mail.MailInput;
import org.spoolmail.exits.mail.RecordFormat;
import org.spoolmail.kernel.config.ConfigException;
import org.spoolmail.kernel.config.PipelineConfig;
import org.spoolmail.kernel.config.PipelineConfigLoader;
import org.spoolmail.kernel.config.PipelinePurpose;
import org.spoolmail.kernel.config.SpoolConfig;
import org.spoolmail.kernel.identity.IdentityResolver;
import org.spoolmail.kernel.pipeline.ConditionCodes;
import org.spoolmail.kernel.pipeline.InputResult;
import org.spoolmail.kernel.pipeline.PipelineRunner;
import org.spoolmail.kernel.pipeline.QueueIds;
import org.spoolmail.kernel.pipeline.SpoolHold;
import org.spoolmail.kernel.pipeline.UnreadInputHold;
import org.spoolmail.kernel.queue.FileCapture;
import org.spoolmail.kernel.text.IoReason;

/**
 * {@code spoolmail send [-c pipeline.yaml] [--codepage CCSID] [--records fb:80|vb|lf|crlf] [--format NAME]
 * FILE...|-}: runs each input through the pipeline now and reports every mail object's outcome; the condition code
 * is the highest. As {@code spoolmail check} it runs every stage but delivery (and records no audit) and prints
 * what would be sent: envelope, header summary, parts and problems.
 */
final class SendCommand extends ParsedCommand {

    /** The config key {@code --trace} sets in every stage that declares it. */
    private static final String WIRE_TRACE = "wire-trace";
    /** The options that shape the input, recorded with each item kept in the spool queue ({@code queue show}). */
    private static final List<String> RESEND_OPTIONS = List.of("codepage", "records", "format", "job-name", "job-id",
            "program", "plugins", "config");

    private final Launch launch;
    private final boolean check;

    /**
     * @param console where to print
     * @param launch defaults of this run
     * @param check true for {@code spoolmail check}: no delivery, a report of each message
     */
    SendCommand(Console console, Launch launch, boolean check) {
        super(console);
        this.launch = launch;
        this.check = check;
    }

    @Override
    public String name() {
        return check ? "check" : "send";
    }

    @Override
    public String synopsis() {
        return "FILE...|-";
    }

    @Override
    public String summary() {
        return check ? "parse and run every stage up to delivery without sending; print each message and problem"
                : "run each input (SMTP datastream, control statements, RFC 5322 message) through the pipeline now";
    }

    @Override
    public Options options() {
        Options options = new Options()
                .addOption(CommonOptions.config())
                .addOption(CommonOptions.plugins())
                .addOption(Option.builder().longOpt("trace").desc("show the SMTP dialogue on standard error"
                        + " (sets wire-trace: true in every stage that has it, e.g. deliver-smtp)").get())
                .addOption(CommonOptions.help());
        return CommonOptions.claims(CommonOptions.inputShape(options, CommonOptions.FORMATS));
    }

    @Override
    int run(CommandLine line) {
        if (line.getArgList().isEmpty()) {
            return usageError("no input: name one or more files, or - for standard input");
        }
        if (line.getArgList().stream().filter("-"::equals).count() > 1) {
            return usageError("standard input (-) can be named only once");
        }
        Optional<String> refused = JobClaims.flagRefusal(line);
        if (refused.isPresent()) {
            return usageError(refused.get());
        }
        refused = JobClaims.environmentRefusal(line, launch.environment(), "nothing was sent");
        if (refused.isPresent()) {
            console.problem(name(), refused.get());
            return ConditionCodes.ENVIRONMENT;
        }
        Optional<Ccsid> ccsid;
        Optional<RecordFormat> records;
        try {
            ccsid = Optional.ofNullable(line.getOptionValue("codepage")).map(Ccsid::parse);
        } catch (IllegalArgumentException e) {
            console.problem(name(), "--codepage: " + e.getMessage() + " (condition code 12)");
            return ConditionCodes.BAD_INPUT;
        }
        try {
            records = Optional.ofNullable(line.getOptionValue("records")).map(RecordFormat::parse);
        } catch (IllegalArgumentException e) {
            return usageError("--records: " + e.getMessage());
        }
        return send(line, ccsid, records);
    }

    private int send(CommandLine line, Optional<Ccsid> ccsid, Optional<RecordFormat> records) {
        PipelineConfig config;
        Path configFile = launch.configFile(Optional.ofNullable(line.getOptionValue("config")));
        try {
            config = new PipelineConfigLoader(check ? PipelinePurpose.CHECK : PipelinePurpose.SEND).read(configFile);
        } catch (ConfigException e) {
            keepStdin(line, ccsid, records,
                    SpoolConfig.defaults(configFile.toAbsolutePath().normalize().getParent()), e);
            return configError(e, "nothing was sent");
        }
        Path plugins = launch.pluginsFolder(Optional.ofNullable(line.getOptionValue("plugins")), Optional.of(config));
        config = config.withOverrides(ccsid, records, Optional.of(plugins));
        if (line.hasOption("trace")) {
            config = config.withStageSetting(WIRE_TRACE, "true");
        }
        try (Kernel kernel = Kernel.start(config, plugins);
                TraceLog trace = new TraceLog(console, name(),
                        line.hasOption("trace") ? kernel.stagesDeclaring(WIRE_TRACE) : List.of())) {
            IdentityResolver identities = new IdentityResolver(launch.environment());
            IdentityResolver.Claims claims = JobClaims.of(line);
            int code = 0;
            Optional<String> format = Optional.ofNullable(line.getOptionValue("format"));
            for (String file : line.getArgList()) {
                code = Math.max(code, sendOne(kernel.runner(), config, file, identities, claims, format,
                        resendOptions(line)));
            }
            if (code > 0) {
                console.problem(name(), "condition code " + code);
            }
            return code;
        } catch (ConfigException e) {
            keepStdin(line, ccsid, records, config.spool(), e);
            return configError(e, "nothing was sent");
        }
    }

    /**
     * Standard input cannot be read again (a file input still exists): when the pipeline cannot be used, it is kept
     * in the spool queue, HELD with the configuration problems as its reason, instead of being lost with the run.
     *
     * @param spool pipeline.yaml's spool, or the default spool beside the file when it could not be read
     */
    private void keepStdin(CommandLine line, Optional<Ccsid> ccsid, Optional<RecordFormat> records, SpoolConfig spool,
            ConfigException problem) {
        if (check || !line.getArgList().contains("-")) {
            return;
        }
        try {
            IdentityResolver.Claims claims = JobClaims.of(line);
            // The shape recorded is the one given (pipeline.yaml's defaults are unknown); queue show lists it.
            MailInput input = new MailInput("stdin", stdin(), ccsid.orElse(Ccsid.UTF_8),
                    records.orElse(RecordFormat.LF), new IdentityResolver(launch.environment()).resolve("stdin",
                            claims));
            SpoolHold.Kept kept = UnreadInputHold.keep(spool, new QueueIds(Clock.systemUTC()).next(), input,
                    Optional.ofNullable(line.getOptionValue("format")), resendOptions(line),
                    "configuration error: " + String.join("; ", problem.problems()));
            console.problem(name(), "stdin: " + keptLine(kept));
        } catch (IOException | ConfigException | RuntimeException e) {
            console.problem(name(), "stdin could not be kept in the spool queue " + spool.directory() + ": "
                    + e.getMessage());
        }
    }

    /** @return e.g. {@code held in the spool queue as ID (spool/queue/held/ID): spoolmail queue show ID} */
    static String keptLine(SpoolHold.Kept kept) {
        return "held in the spool queue as " + kept.id() + " (" + kept.where() + "): spoolmail queue show "
                + kept.id();
    }

    private int sendOne(PipelineRunner runner, PipelineConfig config, String file, IdentityResolver identities,
            IdentityResolver.Claims claims, Optional<String> format, List<String> resendOptions) {
        String origin = file.equals("-") ? "stdin" : file;
        ContentHandle data;
        if (!file.equals("-") && Files.isDirectory(Path.of(file))) {
            console.problem(name(), "cannot read " + origin + ": is a folder (condition code 12)");
            return ConditionCodes.BAD_INPUT;
        }
        try {
            data = file.equals("-") ? stdin() : ContentHandle.ofFile(Path.of(file));
        } catch (IOException e) {
            console.problem(name(), "cannot read " + origin + ": " + IoReason.of(e) + " (condition code 12)");
            return ConditionCodes.BAD_INPUT;
        }
        // The files a deck names are opened through a capture, so that mail kept in the spool queue carries them
        // (the spool server opens no path an item names); nothing is read twice unless mail is kept.
        MailInput input = new MailInput(origin, data, config.inputCcsid(), config.inputRecords(),
                identities.resolve(origin, claims), new FileCapture(InputFiles.beside(origin)));
        InputResult result = runner.run(input, format, check, resendOptions);
        result.error().ifPresent(e -> console.problem(name(), e + " (condition code " + result.errorCode()
                + "); nothing from this input " + (check ? "would be" : "was") + " sent"));
        result.heldAt().ifPresent(h -> console.problem(name(), origin + ": " + keptLine(h)));
        if (check) {
            CheckReport report = new CheckReport(console.out);
            for (int i = 0; i < result.items().size(); i++) {
                report.print(i + 1, result.items().get(i));
            }
        } else {
            SendReport report = new SendReport(console, name());
            result.items().forEach(report::print);
        }
        return result.conditionCode();
    }

    /**
     * The options that shape an input, as given, for the items kept in the spool queue; the paths of {@code -c} and
     * {@code --plugins} made absolute, since {@code queue show} may run in another folder.
     */
    private static List<String> resendOptions(CommandLine line) {
        List<String> options = new java.util.ArrayList<>();
        for (String name : RESEND_OPTIONS) {
            String value = line.getOptionValue(name);
            if (value != null) {
                options.add(name.equals("config") ? "-c" : "--" + name);
                options.add(name.equals("config") || name.equals("plugins")
                        ? Path.of(value).toAbsolutePath().normalize().toString() : value);
            }
        }
        return options;
    }

    private static ContentHandle stdin() throws IOException {
        Path copy = Files.createTempFile("spoolmail-stdin-", ".bin");
        copy.toFile().deleteOnExit();
        try (InputStream in = System.in) {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        }
        return ContentHandle.ofFile(copy);
    }
}
