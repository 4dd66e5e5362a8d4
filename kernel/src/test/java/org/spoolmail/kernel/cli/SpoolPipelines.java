package org.spoolmail.kernel.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** pipeline.yaml files for the spool ITs: the reference shape of {@link PipelineFiles} with a {@code spool:} block. */
final class SpoolPipelines {

    private SpoolPipelines() {
    }

    /**
     * @param spool the block's mapping in flow style, e.g. {@code {retry-initial: 1s}}
     */
    static Path write(Path dir, String deliver, String exitRoutines, String spool) throws IOException {
        Path file = PipelineFiles.write(dir, deliver, exitRoutines);
        String yaml = Files.readString(file, StandardCharsets.UTF_8).replaceFirst("version: 1\n",
                "version: 1\nspool: " + spool.replace("$", "\\$") + "\n");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }

    /** An SMTP datastream of {@code count} transactions, each from sender@example.com to the recipients. */
    static String datastream(int count, String... recipients) {
        StringBuilder b = new StringBuilder("HELO batch\n");
        for (int i = 0; i < count; i++) {
            b.append("MAIL FROM:<sender@example.com>\n");
            for (String r : recipients) {
                b.append("RCPT TO:<").append(r).append(">\n");
            }
            b.append("DATA\nSubject: ").append(subject(i)).append("\n\nbody of ").append(subject(i)).append("\n.\n");
        }
        return b.append("QUIT\n").toString();
    }

    static String subject(int i) {
        return String.format("item %04d", i);
    }
}
