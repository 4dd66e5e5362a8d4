package org.spoolmail.kernel.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.spoolmail.kernel.audit.AuditFilter;
import org.spoolmail.kernel.audit.AuditLog;
import org.spoolmail.kernel.config.ConfigException;
import org.spoolmail.kernel.config.PipelineConfig;
import org.spoolmail.kernel.config.PipelineConfigLoader;
import org.spoolmail.kernel.config.StageEntry;
import org.spoolmail.kernel.pipeline.ConditionCodes;
import org.spoolmail.kernel.text.IoReason;

/**
 * {@code spoolmail audit [filters] [--json] [-c pipeline.yaml | --directory DIR]}: the audit records that match
 * every filter given, as a table for people or, with {@code --json}, as the records' own JSON lines for scripts. The
 * folder is {@code --directory}, else the {@code directory} of each audit-log stage of the pipeline file. Standard
 * error says how many records matched (also none) of how many read. Condition codes: 0 answered (also with no
 * match), 4 answered but damaged lines were skipped (each named on standard error), 16 a bad option value, no audit
 * folder to read, or a folder or file that cannot be read.
 */
final class AuditCommand extends ParsedCommand {

    private static final List<String> FILTERS = List.of("user", "job", "sender", "recipient", "queue-id", "since",
            "until", "outcome");

    private final Launch launch;
    private final Clock clock;

    AuditCommand(Console console, Launch launch, Clock clock) {
        super(console);
        this.launch = launch;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "audit";
    }

    @Override
    public String synopsis() {
        return "";
    }

    @Override
    public String summary() {
        return "show the audit records that match every filter given, as a table or as JSON lines";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(CommonOptions.config("pipeline file whose audit-log folder is read (default:"
                        + " $SPOOLMAIL_CONFIG or ./pipeline.yaml)"))
                .addOption(arg("directory", "DIR", "the audit folder to read instead of the pipeline's"))
                .addOption(arg("user", "USER", "submitter's user ID; * and ? as wildcards, case ignored"))
                .addOption(arg("job", "JOB", "job name or job ID, e.g. PAY* or JOB04711"))
                .addOption(arg("sender", "ADDR", "reverse-path (as sent or as parsed): a@example.com, *@example.com,"
                        + " a domain alone (example.com, *.example.com), or <> for the null path"))
                .addOption(arg("recipient", "ADDR", "any recipient, whatever its status; as --sender"))
                .addOption(arg("queue-id", "ID", "the item's queue ID"))
                .addOption(arg("since", "TIME", "from this time on: 2026-12-04T10:15:00Z, 2026-12-04 (UTC day)"
                        + " or an age: 90s, 30m, 2h, 7d"))
                .addOption(arg("until", "TIME", "before this time; a date includes that whole day"))
                .addOption(arg("outcome", "LIST", String.join(", ", AuditFilter.OUTCOMES)
                        + "; several separated by commas"))
                .addOption(Option.builder().longOpt("json").desc("print the matching records as they are, one JSON"
                        + " object per line").get())
                .addOption(CommonOptions.help());
    }

    private static Option arg(String name, String argName, String description) {
        return Option.builder().longOpt(name).hasArg().argName(argName).desc(description).get();
    }

    @Override
    int run(CommandLine line) {
        if (!line.getArgList().isEmpty()) {
            return usageError("unexpected argument " + line.getArgList().get(0) + ": filters are options");
        }
        AuditFilter filter;
        try {
            Map<String, String> values = new LinkedHashMap<>();
            FILTERS.stream().filter(line::hasOption).forEach(f -> values.put(f, line.getOptionValue(f)));
            filter = AuditFilter.of(values, clock);
        } catch (IllegalArgumentException e) {
            return usageError(e.getMessage());
        }
        List<Path> folders;
        try {
            folders = folders(line);
        } catch (ConfigException e) {
            e.problems().forEach(p -> console.problem(name(), p));
            console.problem(name(), "no audit folder to read (condition code 16)");
            return ConditionCodes.ENVIRONMENT;
        }
        return answer(folders, filter, line.hasOption("json"));
    }

    private int answer(List<Path> folders, AuditFilter filter, boolean json) {
        AuditTable table = new AuditTable();
        long records = 0;
        long matched = 0;
        long damaged = 0;
        int files = 0;
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                console.problem(name(), "audit folder " + folder + " does not exist: nothing was recorded there yet");
                continue;
            }
            try {
                AuditLog.Summary s = new AuditLog(folder).query(filter, e -> {
                    if (json) {
                        console.out.println(e.line());
                    } else {
                        table.add(e);
                    }
                }, w -> console.problem(name(), w));
                records += s.records();
                matched += s.matched();
                damaged += s.damaged();
                files += s.files();
            } catch (IOException e) {
                console.out.flush();
                console.problem(name(), "cannot read audit folder " + folder + ": " + IoReason.withFile(e)
                        + " (condition code 16)");
                return ConditionCodes.ENVIRONMENT;
            }
        }
        table.print(console.out);
        console.out.flush();
        console.problem(name(), (matched == 0 ? "no record matches" : matched + (matched == 1 ? " record matches"
                : " records match")) + " (" + records + " read in " + files + (files == 1 ? " day file" : " day files")
                + (damaged > 0 ? "; " + damaged + " damaged line" + (damaged == 1 ? "" : "s") + " skipped" : "") + ")");
        return damaged > 0 ? ConditionCodes.WARNING : ConditionCodes.OK;
    }

    /** {@code --directory}, else the folder of each audit-log stage of the pipeline file. */
    private List<Path> folders(CommandLine line) throws ConfigException {
        if (line.hasOption("directory")) {
            return List.of(Path.of(line.getOptionValue("directory")));
        }
        Path file = launch.configFile(Optional.ofNullable(line.getOptionValue("config")));
        PipelineConfig config = new PipelineConfigLoader().read(file);
        List<Path> folders = new ArrayList<>();
        for (StageEntry entry : config.observers()) {
            Object directory = entry.config().get("directory");
            if (entry.use().equals("audit-log") && directory != null) {
                Path folder = config.baseDirectory().resolve(directory.toString()).normalize();
                if (!folders.contains(folder)) {
                    folders.add(folder);
                }
            }
        }
        if (folders.isEmpty()) {
            throw new ConfigException(file + ": no log stage uses audit-log with a directory: name the audit"
                    + " folder with --directory");
        }
        return folders;
    }
}
