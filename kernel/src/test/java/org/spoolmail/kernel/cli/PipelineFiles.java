package org.spoolmail.kernel.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** pipeline.yaml files for the end-to-end tests, in the shape of the reference pipeline. */
final class PipelineFiles {

    private PipelineFiles() {
    }

    /** The reference pipeline with another deliver stage and optional exit routines. */
    static Path write(Path dir, String deliver, String exitRoutines) throws IOException {
        String yaml = """
                version: 1
                input: {ccsid: "819", records: lf}
                pipeline:
                  - stage: parse
                    use: smtp-datastream
                    config: {default-domain: example.com}
                  - exit: verify-sender
                %s
                    time-limit: 5s
                  - stage: mime-encode
                    use: mime-encode
                  - stage: codepage-translate
                    use: codepage-translate
                  - stage: deliver
                %s
                  - stage: log
                    use: audit-log
                    config: {directory: audit}
                """.formatted(exitRoutines.isEmpty() ? "    routines: []" : exitRoutines, deliver);
        Path file = dir.resolve("pipeline.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }

    static String outbox() {
        return "    use: deliver-outbox\n    config: {directory: outbox}";
    }

    static String smtp(int port) {
        return "    use: deliver-smtp\n    config: {host: 127.0.0.1, port: \"" + port + "\", starttls: \"off\"}";
    }
}
