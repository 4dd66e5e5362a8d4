package org.spoolmail.kernel.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code spoolmail spool} as a separate {@code java} process of the built distribution (dist/lib and dist/plugins),
 * as a site runs it, so that tests can kill it with SIGKILL or stop it with SIGTERM. Output goes to a file.
 */
final class SpoolServerProcess {

    private final Process process;
    private final Path output;

    private SpoolServerProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    static SpoolServerProcess start(Path pipeline, Path output, String... args) throws IOException {
        Path dist = SpoolmailRun.PLUGINS.toAbsolutePath().getParent();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Dspoolmail.home=" + dist, "-cp",
                dist.resolve("lib") + "/*", "org.spoolmail.kernel.cli.Main", "spool", "-c", pipeline.toString(),
                "--plugins", SpoolmailRun.PLUGINS.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(pipeline.getParent().toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile())).start();
        return new SpoolServerProcess(p, output);
    }

    /** SIGKILL: no chance to finish anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM. */
    void terminate() {
        process.destroy();
    }

    boolean alive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** @return the exit code, waiting at most {@code seconds} */
    int waitFor(int seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("spool server still running after " + seconds + " s:\n" + output());
        }
        return process.exitValue();
    }

    String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }
}
