package org.spoolmail.kernel.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** pipeline.yaml files with all three exit points, for the sample exits' end-to-end tests. */
final class ExitPipelines {

    private ExitPipelines() {
    }

    /**
     * @param dir the folder to write pipeline.yaml into (outbox/ and audit/ go beside it)
     * @param sender the body of the verify-sender entry after its {@code - exit:} line, or empty for no routine
     * @param recipients the same for verify-recipients
     * @param content the same for content-policy (after codepage-translate)
     * @return the file
     */
    static Path write(Path dir, String sender, String recipients, String content) throws IOException {
        String yaml = """
                version: 1
                input: {ccsid: "819", records: lf}
                pipeline:
                  - stage: parse
                    use: smtp-datastream
                    config: {default-domain: example.com}
                  - exit: verify-sender
                %s
                  - exit: verify-recipients
                %s
                  - stage: mime-encode
                    use: mime-encode
                  - stage: codepage-translate
                    use: codepage-translate
                  - exit: content-policy
                %s
                  - stage: deliver
                    use: deliver-outbox
                    config: {directory: outbox}
                  - stage: log
                    use: audit-log
                    config: {directory: audit}
                """.formatted(body(sender), body(recipients), body(content));
        Path file = dir.resolve("pipeline.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }

    /** One routine with its configuration, as the lines under an exit point. */
    static String routine(String name, String... configLines) {
        StringBuilder b = new StringBuilder("    routines: [" + name + "]\n    config:\n      " + name + ":");
        for (String line : configLines) {
            b.append("\n        ").append(line);
        }
        return b.toString();
    }

    /** The single audit record of a run. */
    static String onlyAuditRecord(Path dir) throws IOException {
        List<String> lines = Files.readAllLines(SpoolmailRun.files(dir.resolve("audit"), ".jsonl").get(0),
                StandardCharsets.UTF_8);
        if (lines.size() != 1) {
            throw new AssertionError("expected one audit record, got:\n" + String.join("\n", lines));
        }
        return lines.get(0);
    }

    private static String body(String lines) {
        return (lines.isEmpty() ? "    routines: []" : lines) + "\n    time-limit: 5s";
    }
}
