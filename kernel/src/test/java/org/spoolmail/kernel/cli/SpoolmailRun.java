package org.spoolmail.kernel.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs {@code spoolmail} in-process the way a job step does, against the plugin jars of the built distribution
 * (loaded by PF4J only: they are not on the test classpath), and captures its output and condition code.
 */
final class SpoolmailRun {

    /** The built plugins folder, set by failsafe. */
    static final Path PLUGINS = Path.of(System.getProperty("spoolmail.plugins", "target/dist/plugins"));

    final int code;
    final String out;
    final String err;

    private SpoolmailRun(int code, String out, String err) {
        this.code = code;
        this.out = out;
        this.err = err;
    }

    static SpoolmailRun run(String... args) {
        return runIn(Map.of(), args);
    }

    /** Runs it with these environment variables (as a scheduler sets them for a job), and no others. */
    static SpoolmailRun runIn(Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Main(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), environment).run(args);
        return new SpoolmailRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs {@code send} with a pipeline file and the distribution's plugins. */
    static SpoolmailRun send(Path pipeline, String... args) {
        List<String> all = new ArrayList<>(List.of("send", "-c", pipeline.toString(), "--plugins",
                PLUGINS.toString()));
        all.addAll(List.of(args));
        return run(all.toArray(new String[0]));
    }

    /** The test resource copied into a folder, so tests never write beside the sources. */
    static Path corpus(Path dir, String name) throws IOException {
        Path target = dir.resolve(name);
        try (var in = SpoolmailRun.class.getResourceAsStream("/corpus/" + name)) {
            Files.copy(in, target);
        }
        return target;
    }

    /** A plugins folder of its own: the built plugin jars copied into a test folder. */
    static Path pluginsCopy(Path dir) throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        for (Path jar : files(PLUGINS, ".jar")) {
            Files.copy(jar, plugins.resolve(jar.getFileName()));
        }
        return plugins;
    }

    static List<Path> files(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    @Override
    public String toString() {
        return "condition code " + code + "\nstdout:\n" + out + "\nstderr:\n" + err;
    }
}
