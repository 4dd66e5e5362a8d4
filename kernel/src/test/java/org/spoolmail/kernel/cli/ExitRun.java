package org.spoolmail.kernel.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.spoolmail.kernel.cli.exits.ExitJars;

/**
 * One {@code spoolmail send} through the three exit points (verify-sender, verify-recipients, content-policy) with
 * the built plugin jars plus the throw-away scripted exit jar, all loaded by PF4J from a plugins folder of the
 * test's own; the audit records it wrote, one per item.
 */
final class ExitRun {

    /** Two transactions: the first from trigger@example.com to alice and bob, the second from fine@example.com. */
    static final String TWO_TRANSACTIONS = String.join("\n", "HELO EXAMPLE.COM",
            "MAIL FROM:<trigger@example.com>", "RCPT TO:<alice@example.com>", "RCPT TO:<bob@partner.example>", "DATA",
            "From: \"Trigger Job\" <trigger@example.com>", "To: alice@example.com, bob@partner.example",
            "Subject: first", "", "first body", ".",
            "MAIL FROM:<fine@example.com>", "RCPT TO:<alice@example.com>", "DATA",
            "From: \"Fine Job\" <fine@example.com>", "To: alice@example.com", "Subject: second", "", "second body", ".",
            "QUIT", "");

    private final Path dir;
    private final Map<String, String> exitPoints = new LinkedHashMap<>();
    private String timeLimit = "5s";

    ExitRun(Path dir) {
        this.dir = dir;
        for (String point : List.of("verify-sender", "verify-recipients", "content-policy")) {
            exitPoints.put(point, "    routines: []");
        }
    }

    /** Configures one exit point with one scripted routine. */
    ExitRun routine(String exitPoint, String routine, String decision, String whenSender, String address) {
        exitPoints.put(exitPoint, String.join("\n", "    routines: [" + routine + "]", "    config:",
                "      " + routine + ": {decision: " + decision + ", when-sender: \"" + whenSender + "\", address: \""
                        + address + "\"}"));
        return this;
    }

    /** Configures one exit point with raw YAML lines (indented by four). */
    ExitRun raw(String exitPoint, String yaml) {
        exitPoints.put(exitPoint, yaml);
        return this;
    }

    ExitRun timeLimit(String limit) {
        timeLimit = limit;
        return this;
    }

    SpoolmailRun send(String datastream, String... flags) throws IOException {
        return run("send", datastream, flags);
    }

    /** Runs {@code spoolmail check} on the datastream with this pipeline. */
    SpoolmailRun check(String datastream, String... flags) throws IOException {
        return run("check", datastream, flags);
    }

    private SpoolmailRun run(String command, String datastream, String... flags) throws IOException {
        Path plugins = SpoolmailRun.pluginsCopy(dir);
        ExitJars.scripted(plugins);
        Path input = dir.resolve("input.smtp");
        Files.writeString(input, datastream, StandardCharsets.US_ASCII);
        List<String> args = new java.util.ArrayList<>(List.of(command, "-c", pipeline().toString(), "--plugins",
                plugins.toString()));
        args.addAll(List.of(flags));
        args.add(input.toString());
        return SpoolmailRun.run(args.toArray(new String[0]));
    }

    Path pipeline() throws IOException {
        String yaml = String.join("\n", "version: 1", "input: {ccsid: \"819\", records: lf}", "pipeline:",
                "  - stage: parse", "    use: smtp-datastream", "    config: {default-domain: example.com}",
                exit("verify-sender"), exit("verify-recipients"),
                "  - stage: mime-encode", "    use: mime-encode",
                "  - stage: codepage-translate", "    use: codepage-translate",
                exit("content-policy"),
                "  - stage: deliver", "    use: deliver-outbox", "    config: {directory: outbox}",
                "  - stage: log", "    use: audit-log", "    config: {directory: audit}", "");
        Path file = dir.resolve("pipeline.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }

    private String exit(String point) {
        return "  - exit: " + point + "\n" + exitPoints.get(point) + "\n    time-limit: " + timeLimit;
    }

    /** The audit record of the item with this subject. */
    String audit(String subject) throws IOException {
        List<Path> files = SpoolmailRun.files(dir.resolve("audit"), ".jsonl");
        Optional<String> record = files.isEmpty() ? Optional.empty() : Files.readAllLines(files.get(0),
                StandardCharsets.UTF_8).stream().filter(l -> l.contains("\"subject\":\"" + subject + "\"")).findFirst();
        return record.orElseThrow(() -> new AssertionError("no audit record for subject " + subject));
    }

    /** The envelope file of the only delivered item whose eml has this subject. */
    List<String> envelopes() throws IOException {
        List<String> all = new java.util.ArrayList<>();
        for (Path p : SpoolmailRun.files(dir.resolve("outbox"), ".envelope")) {
            all.add(Files.readString(p, StandardCharsets.UTF_8));
        }
        return all;
    }
}
