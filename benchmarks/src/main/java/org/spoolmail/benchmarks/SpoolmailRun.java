package org.spoolmail.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * spoolmail's side of the memory and start-up figures: a control-statement deck (docs/control-statements.md) and a
 * pipeline.yaml whose deliver stage is deliver-smtp to the sink, run by the real CLI from the built distribution
 * ({@code kernel/target/dist}) through the launcher, as a user runs it: {@code ./spoolmail send}.
 * The pipeline is the reference one (parse, verify-sender, mime-encode, codepage-translate, deliver, audit-log).
 */
final class SpoolmailRun {

    static final String SUBJECT = "nightly extract";
    static final String TEXT = "The nightly extract is attached.";

    private final Path dist;
    private final Path work;

    SpoolmailRun(Path dist, Path work) {
        this.dist = dist.toAbsolutePath();
        this.work = work;
    }

    /** Writes pipeline.yaml (deliver-smtp to the port) and the deck; the deck attaches {@code file} if given. */
    Path prepare(String name, int port, Optional<Path> file) throws IOException {
        Files.writeString(work.resolve("pipeline.yaml"), pipeline(List.of(
                "input: {ccsid: \"1208\", records: lf}"), "control-statements", port), StandardCharsets.UTF_8);
        StringBuilder deck = new StringBuilder()
                .append("FROM batch@example.com\nTO ops@example.com\nSUBJECT ").append(SUBJECT).append('\n')
                .append("TEXT\n").append(TEXT).append("\nENDTEXT\n");
        file.ifPresent(f -> deck.append("ATTACH ").append(f.toAbsolutePath()).append(" BINARY\n"));
        Path path = work.resolve(name + ".deck");
        Files.writeString(path, deck, StandardCharsets.UTF_8);
        return path;
    }

    /**
     * @param head the lines after {@code version: 1} (input, spool ...)
     * @param parser the parse stage's parser
     * @param port the sink's port
     * @return the reference pipeline (parse, verify-sender, mime-encode, codepage-translate, deliver-smtp to the sink,
     *     audit-log)
     */
    static String pipeline(List<String> head, String parser, int port) {
        return pipeline(head, parser, port, List.of("    routines: []"));
    }

    /**
     * @param head the lines after {@code version: 1}
     * @param parser the parse stage's parser
     * @param port the sink's port
     * @param routines the verify-sender entry's lines after {@code exit:} (routines and their config)
     * @return the reference pipeline with these exit routines
     */
    static String pipeline(List<String> head, String parser, int port, List<String> routines) {
        List<String> lines = new ArrayList<>(List.of("version: 1"));
        lines.addAll(head);
        lines.addAll(List.of(
                "pipeline:",
                "  - stage: parse",
                "    use: " + parser,
                "  - exit: verify-sender"));
        lines.addAll(routines);
        lines.addAll(List.of(
                "    time-limit: 5s",
                "  - stage: mime-encode",
                "    use: mime-encode",
                "  - stage: codepage-translate",
                "    use: codepage-translate",
                "  - stage: deliver",
                "    use: deliver-smtp",
                "    config: {host: 127.0.0.1, port: \"" + port + "\", starttls: \"off\", data-timeout: 600s}",
                "  - stage: log",
                "    use: audit-log",
                "    config: {directory: audit}",
                ""));
        return String.join("\n", lines);
    }

    /**
     * The CLI's class path, main class and arguments for sending the deck, after the options in
     * {@code $SPOOLMAIL_JAVA_OPTS} as the launcher takes them (e.g. {@code -XX:StartFlightRecording=...} to profile).
     */
    List<String> program(Path deck) {
        return command(dist, "send", "-c", work.resolve("pipeline.yaml").toString(), deck.toString());
    }

    /**
     * The launcher of the repository the distribution was built in ({@code ./spoolmail}, as a user runs it: it
     * adds the class-data archive and {@code $SPOOLMAIL_JAVA_OPTS}) and {@code args}.
     */
    static List<String> command(Path dist, String... args) {
        List<String> program = new ArrayList<>();
        program.add(dist.toAbsolutePath().getParent().getParent().getParent().resolve("spoolmail").toString());
        program.addAll(List.of(args));
        return program;
    }
}
