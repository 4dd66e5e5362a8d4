package org.spoolmail.kernel.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.spoolmail.exits.mail.Disposition;
import org.spoolmail.exits.mail.MailInput;
import org.spoolmail.exits.mail.RefusedInput;
import org.spoolmail.kernel.config.ConfigException;
import org.spoolmail.kernel.config.PipelineConfig;
import org.spoolmail.kernel.config.PipelineConfigLoader;
import org.spoolmail.kernel.identity.IdentityResolver;
import org.spoolmail.kernel.pipeline.ConditionCodes;
import org.spoolmail.kernel.pipeline.InputRefusedException;
import org.spoolmail.kernel.queue.DirectorySpool;
import org.spoolmail.kernel.queue.QueueItem;
import org.spoolmail.kernel.queue.SpoolOpener;
import org.spoolmail.kernel.queue.SpoolQueue;
import org.spoolmail.kernel.queue.Submission;
import org.spoolmail.kernel.text.IoReason;

/**
 * {@code spoolmail queue [list|show ID|release ID|retry ID|--all|purge ID]}: the operator's view of the spool. The
 * list shows each item's ID, state, age, attempts, submitter, sender, recipients and last reply, after the running
 * server's status line; {@code release} sends a held item again, {@code retry} makes a deferred one due now,
 * {@code purge} removes one with an audit record naming the operator.
 */
final class QueueCommand extends ParsedCommand {

    private final Launch launch;

    QueueCommand(Console console, Launch launch) {
        super(console);
        this.launch = launch;
    }

    @Override
    public String name() {
        return "queue";
    }

    @Override
    public String synopsis() {
        return "[list | show ID | release ID | retry ID|--all | purge ID]";
    }

    @Override
    public String summary() {
        return "list the spool's items and the server's status; show, release, retry or purge an item";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(CommonOptions.config())
                .addOption(Option.builder().longOpt("plugins").hasArg().argName("DIR")
                        .desc("plugins folder, for purge's audit record (default: as send)").get())
                .addOption(Option.builder().longOpt("all").desc("retry: every deferred item").get())
                .addOption(CommonOptions.help());
    }

    @Override
    int run(CommandLine line) {
        List<String> words = line.getArgList();
        String action = words.isEmpty() ? "list" : words.get(0);
        boolean all = action.equals("retry") && line.hasOption("all") && words.size() == 1;
        if (!action.equals("list") && words.size() != 2 && !all) {
            return usageError(action + ": name one queue ID");
        }
        PipelineConfig config;
        try {
            config = new PipelineConfigLoader(false).read(launch.configFile(Optional.ofNullable(
                    line.getOptionValue("config"))));
        } catch (ConfigException e) {
            e.problems().forEach(p -> console.problem(name(), p));
            return ConditionCodes.ENVIRONMENT;
        }
        SpoolQueue queue = null;
        try {
            queue = SpoolOpener.open(config.spool(), Clock.systemUTC());
            String id = words.size() > 1 ? words.get(1) : "";
            return switch (action) {
                case "list" -> list(queue, config);
                case "show" -> show(queue, id);
                case "release" -> done(queue.release(id), id, "released: incoming again", "held");
                case "retry" -> all ? retryAll(queue) : done(queue.retry(id), id, "due now", "deferred");
                case "purge" -> purge(queue, config, line, id);
                default -> usageError("unknown action " + action);
            };
        } catch (IOException e) {
            console.problem(name(), "spool " + config.spool().directory() + ": " + IoReason.withFile(e)
                    + " (condition code 16)");
            return ConditionCodes.ENVIRONMENT;
        } finally {
            SpoolOpener.close(queue);
        }
    }

    private int list(SpoolQueue queue, PipelineConfig config) throws IOException {
        console.out.println(ServerStatus.of(queue, config.spool().directory().resolve("status")));
        console.out.println(queue.counts().entrySet().stream().map(e -> e.getKey().label() + " " + e.getValue())
                .reduce((a, b) -> a + ", " + b).orElse(""));
        List<QueueItem> drops;
        try {
            drops = queue.drops();
        } catch (AccessDeniedException e) {
            drops = List.of();
            console.out.println("drops not yet taken in: not shown, the drop folder " + e.getFile()
                    + " is not readable by this user (only by the spool's service account)");
        }
        if (!drops.isEmpty()) {
            console.out.println("drops not yet taken in: " + drops.size());
        }
        Instant now = Instant.now();
        List<QueueItem> all = new java.util.ArrayList<>(queue.list());
        all.addAll(drops);
        for (QueueItem i : all) {
            console.out.printf("%s %-8s %6s %2d %-10s %s -> %s %s%n", i.id(), i.state().label(),
                    age(Duration.between(i.created(), now)), i.attempts(), i.submission().submitter(),
                    i.sender().orElse("-"), i.recipients().isEmpty() ? "-" : String.join(" ", i.recipients().stream()
                            .map(r -> r.forwardPath() + (r.status().isFinal() ? "(" + r.status() + ")" : ""))
                            .toList()), i.lastReply().or(i::reason).map(r -> "[" + r + "]").orElse(""));
        }
        console.out.flush();
        return ConditionCodes.OK;
    }

    private int show(SpoolQueue queue, String id) throws IOException {
        Optional<QueueItem> item = queue.show(id);
        if (item.isEmpty() && queue instanceof DirectorySpool d) {
            item = d.drop(id);
        }
        if (item.isEmpty()) {
            console.problem(name(), id + ": no such item (condition code 12)");
            return ConditionCodes.BAD_INPUT;
        }
        QueueItem i = item.get();
        Submission s = i.submission();
        console.out.println("id: " + i.id());
        console.out.println("state: " + i.state().label());
        console.out.println("submitter: " + s.submitter() + (s.established() ? " (established)" : " (claimed)"));
        // In the order of the claim keys: the map itself has none.
        Submission.CLAIM_KEYS.stream().filter(s.claims()::containsKey)
                .forEach(k -> console.out.println(k + ": " + s.claims().get(k) + " (claimed)"));
        console.out.println("origin: " + s.origin());
        console.out.println("input: " + s.format().orElse("(detected)") + ", ccsid " + s.ccsid().number()
                + ", records " + s.records() + ", mail object " + (s.index() + 1));
        if (!s.options().isEmpty()) {
            console.out.println("options: " + String.join(" ", s.options()));
        }
        // The files the deck named travel in the item as they were at submission; the server never opens the path.
        s.files().forEach(f -> console.out.println("file: " + f.name() + " (" + f.path() + ", " + f.octets()
                + " octets, sha256 " + f.sha256() + ", carried in the item)"));
        console.out.println("created: " + i.created());
        console.out.println("attempts: " + i.attempts());
        i.nextAttempt().ifPresent(t -> console.out.println("next-attempt: " + t));
        i.reason().ifPresent(r -> console.out.println("reason: " + r));
        i.lastReply().ifPresent(r -> console.out.println("last-reply: " + r));
        i.sender().ifPresent(r -> console.out.println("sender: " + r));
        i.recipients().forEach(r -> console.out.println("recipient: " + r.forwardPath() + " " + r.status()
                + r.reply().map(t -> " " + t).orElse("")));
        if (queue instanceof DirectorySpool d) {
            console.out.println("data: " + (i.reason().filter(r -> r.startsWith(DirectorySpool.NOT_TAKEN_IN))
                    .isPresent() ? d.dropFolder().resolve(i.id()) + " (the drop: its header, a blank line, the octets)"
                    : d.dataFile(i.id())));
        }
        console.out.flush();
        return ConditionCodes.OK;
    }

    private int retryAll(SpoolQueue queue) throws IOException {
        int n = 0;
        for (QueueItem i : queue.list()) {
            if (i.state() == org.spoolmail.kernel.queue.ItemState.DEFERRED && queue.retry(i.id())) {
                n++;
            }
        }
        console.out.println(n + " deferred item(s) due now");
        console.out.flush();
        return ConditionCodes.OK;
    }

    private int purge(SpoolQueue queue, PipelineConfig config, CommandLine line, String id) throws IOException {
        Optional<QueueItem> item = queue.show(id);
        if (item.isEmpty()) {
            console.problem(name(), id + ": no such item (condition code 12)");
            return ConditionCodes.BAD_INPUT;
        }
        Submission s = item.get().submission();
        org.spoolmail.exits.mail.Identity operatorIdentity;
        try {
            operatorIdentity = new IdentityResolver(launch.environment()).resolve("queue",
                    new IdentityResolver.Claims(Optional.empty(), Optional.empty(), Optional.empty()));
        } catch (ConfigException e) {
            e.problems().forEach(p -> console.problem(name(), p));
            return ConditionCodes.ENVIRONMENT;
        }
        String operator = operatorIdentity.userId().value();
        Path plugins = launch.pluginsFolder(Optional.ofNullable(line.getOptionValue("plugins")), Optional.of(config));
        int code = ConditionCodes.OK;
        try (Kernel kernel = Kernel.start(config.withOverrides(Optional.empty(), Optional.empty(),
                Optional.of(plugins)), plugins)) {
            org.spoolmail.exits.mail.Identity submitter = org.spoolmail.exits.mail.Identity.of(s.submitter(),
                    operatorIdentity.systemName().value(), s.origin());
            String why = "purged from the queue by operator " + operator;
            List<String> warnings;
            try {
                MailInput input = org.spoolmail.kernel.queue.CarriedInput.of(s, queue.content(id), submitter);
                try {
                    warnings = kernel.runner().recordQueued(input, id, s.format(), s.index(),
                            Disposition.discarded(why));
                } catch (InputRefusedException e) {
                    // A bad spool file has no mail object: its purge is recorded as a refused input, without envelope.
                    warnings = kernel.runner().recordRefused(new RefusedInput(id, s.origin(), submitter,
                            input.data().sizeOctets(), s.ccsid(), s.records(), why + "; bad spool file: "
                            + e.getMessage(), e.conditionCode(), RefusedInput.Action.DISCARDED, Optional.of(operator)));
                }
            } catch (IOException e) {
                // Its octets are gone (a data file removed by hand, a crash of an old server): the item still goes.
                warnings = kernel.runner().recordRefused(new RefusedInput(id, s.origin(), submitter, 0, s.ccsid(),
                        s.records(), why + "; its data file cannot be read: " + IoReason.withFile(e),
                        ConditionCodes.ENVIRONMENT, RefusedInput.Action.DISCARDED, Optional.of(operator)));
            }
            warnings.forEach(w -> console.problem(name(), w));
        } catch (ConfigException e) {
            console.problem(name(), id + ": no audit record of the purge: " + e.getMessage());
            code = ConditionCodes.WARNING;
        }
        queue.remove(id);
        console.out.println(id + " purged by " + operator);
        console.out.flush();
        return code;
    }

    private int done(boolean moved, String id, String what, String state) {
        if (!moved) {
            console.problem(name(), id + ": no " + state + " item of this ID (condition code 12)");
            return ConditionCodes.BAD_INPUT;
        }
        console.out.println(id + " " + what);
        console.out.flush();
        return ConditionCodes.OK;
    }

    private static String age(Duration d) {
        long s = d.getSeconds();
        return s < 120 ? s + "s" : s < 7200 ? s / 60 + "m" : s < 172800 ? s / 3600 + "h" : s / 86400 + "d";
    }
}
