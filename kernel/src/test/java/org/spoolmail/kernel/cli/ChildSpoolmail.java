package org.spoolmail.kernel.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code spoolmail} as a job step really starts it: a separate JVM on the built distribution's {@code lib/}
 * (what the launcher runs), for what an in-process run cannot show: the process's own exit status when a plugin
 * ends the process, and JVM options a submitter sets ({@code JDK_JAVA_OPTIONS}).
 */
final class ChildSpoolmail {

    /** The distribution's libraries, beside its plugins folder. */
    static final Path LIB = SpoolmailRun.PLUGINS.resolveSibling("lib");

    final int code;
    final String out;
    final String err;

    private ChildSpoolmail(int code, String out, String err) {
        this.code = code;
        this.out = out;
        this.err = err;
    }

    /**
     * @param dir the working folder
     * @param environment variables added to the child's environment, e.g. {@code JDK_JAVA_OPTIONS}
     * @param args the subcommand and its arguments
     * @return how the child ended
     */
    static ChildSpoolmail run(Path dir, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", LIB.toAbsolutePath() + "/*", Main.class.getName()));
        command.addAll(List.of(args));
        Path out = dir.resolve("child.out");
        Path err = dir.resolve("child.err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("spoolmail did not end within 120 s: " + command);
        }
        return new ChildSpoolmail(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "exit status " + code + "\nstdout:\n" + out + "\nstderr:\n" + err;
    }
}
