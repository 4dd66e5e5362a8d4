package org.spoolmail.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one program in a fresh JVM under GNU time, as a job step would start it, and measures its wall time, its
 * peak resident set (GNU time's {@code %M}) and the most heap it had in use (the largest "before" figure of a GC in
 * the JVM's {@code -Xlog:gc} log; 0 when no GC ran).
 */
final class ChildJvm {

    private static final Pattern GC = Pattern.compile("(\\d+)M->(\\d+)M\\(\\d+M\\)");

    /** What one run cost. */
    record Result(long nanos, long peakRssKiB, long heapPeakMiB) {
        double seconds() {
            return nanos / 1e9;
        }
    }

    private final Path work;

    ChildJvm(Path work) {
        this.work = work;
    }

    /**
     * Runs {@code java <jvmOptions> <program...>} and fails unless it ends with exit code 0.
     *
     * @param name a label for the log files in the work folder
     * @param jvmOptions options before the class path, e.g. {@code -Xmx64m}
     * @param program class path and main class and its arguments
     */
    Result run(String name, List<String> jvmOptions, List<String> program) throws IOException, InterruptedException {
        Path gc = work.resolve(name + ".gc");
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(jvmOptions);
        command.add("-Xlog:gc:file=" + gc);
        command.addAll(program);
        return exec(name, command, Map.of(), gc);
    }

    /**
     * Runs the launcher {@code ./spoolmail} with its arguments, the JVM options passed as the launcher takes them
     * ({@code $SPOOLMAIL_JAVA_OPTS}, after any the benchmark itself was given), and fails unless it ends with 0.
     */
    Result runLauncher(String name, List<String> jvmOptions, List<String> launcherAndArgs)
            throws IOException, InterruptedException {
        Path gc = work.resolve(name + ".gc");
        List<String> options = new ArrayList<>(jvmOptions);
        options.add("-Xlog:gc:file=" + gc);
        String inherited = System.getenv().getOrDefault("SPOOLMAIL_JAVA_OPTS", "").strip();
        String joined = String.join(" ", options) + (inherited.isEmpty() ? "" : " " + inherited);
        return exec(name, launcherAndArgs, Map.of("SPOOLMAIL_JAVA_OPTS", joined), gc);
    }

    private Result exec(String name, List<String> program, Map<String, String> env, Path gc)
            throws IOException, InterruptedException {
        Path rss = work.resolve(name + ".rss");
        Files.deleteIfExists(gc);
        List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-f", "%M", "-o", rss.toString()));
        command.addAll(program);
        Path out = work.resolve(name + ".out");
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile());
        builder.environment().putAll(env);
        long start = System.nanoTime();
        Process p = builder.start();
        int exit = p.waitFor();
        long nanos = System.nanoTime() - start;
        if (exit != 0) {
            throw new IllegalStateException(name + " ended with exit code " + exit + ":\n" + Files.readString(out));
        }
        return new Result(nanos, Long.parseLong(Files.readString(rss).strip()), heapPeak(gc));
    }

    /** @return this JVM's class path with every entry absolute, for a child JVM that runs in another folder */
    static String ownClassPath() {
        return String.join(java.io.File.pathSeparator, java.util.Arrays.stream(System.getProperty("java.class.path")
                .split(java.io.File.pathSeparator)).map(e -> Path.of(e).toAbsolutePath().toString()).toList());
    }

    private static long heapPeak(Path gcLog) throws IOException {
        long peak = 0;
        if (Files.exists(gcLog)) {
            Matcher m = GC.matcher(Files.readString(gcLog, StandardCharsets.UTF_8));
            while (m.find()) {
                peak = Math.max(peak, Long.parseLong(m.group(1)));
            }
        }
        return peak;
    }
}
