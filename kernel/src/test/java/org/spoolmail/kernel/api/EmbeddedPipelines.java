package org.spoolmail.kernel.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/** In-memory pipelines and a plugins folder for the embedding API's end-to-end tests. */
final class EmbeddedPipelines {

    /** The distribution's plugins, as the kernel's failsafe configuration names them. */
    static final Path PLUGINS = Path.of(System.getProperty("spoolmail.plugins", "target/dist/plugins"));
    static final Path ROOT = Path.of(System.getProperty("spoolmail.root", "..")).toAbsolutePath().normalize();

    private EmbeddedPipelines() {
    }

    /**
     * The reference pipeline's stages with another deliver stage, exit routines at verify-sender, and optionally
     * the audit log.
     */
    static String pipeline(String deliver, List<String> routines, boolean audit) {
        return """
                version: 1
                input: {ccsid: "819", records: lf}
                pipeline:
                  - stage: parse
                    use: [smtp-datastream, control-statements, rfc5322-message]
                  - exit: verify-sender
                    routines: [%s]
                    time-limit: 5s
                  - stage: mime-encode
                    use: mime-encode
                  - stage: codepage-translate
                    use: codepage-translate
                  - stage: deliver
                %s
                """.formatted(String.join(", ", routines), deliver)
                + (audit ? "  - stage: log\n    use: audit-log\n    config: {directory: audit}\n" : "");
    }

    static String smtp(int port) {
        return "    use: deliver-smtp\n    config: {host: 127.0.0.1, port: \"" + port + "\", starttls: \"off\"}";
    }

    static String outbox() {
        return "    use: deliver-outbox\n    config: {directory: outbox}";
    }

    /** A plugins folder of the test's own: PF4J refuses one that others can write to. */
    static Path plugins(Path dir) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("plugins"));
        try (Stream<Path> jars = Files.list(PLUGINS)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                Files.copy(jar, folder.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return folder;
    }
}
