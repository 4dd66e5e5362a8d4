package org.spoolmail.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The CPU time (user + system seconds) a child process used, from GNU time. On a machine shared with other builds the
 * wall time shows the scheduler as much as the program; the CPU time per message does not, so the throughput
 * figures print both.
 */
final class CpuTime {

    private CpuTime() {
    }

    /** @return the command prefix that runs a program under GNU time, writing "user system" to {@code file} */
    static List<String> prefix(Path file) {
        return List.of("/usr/bin/time", "-f", "%U %S", "-o", file.toString());
    }

    /** @return the user + system seconds GNU time wrote */
    static double read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        String[] f = lines.get(lines.size() - 1).strip().split(" ");
        return Double.parseDouble(f[0]) + Double.parseDouble(f[1]);
    }
}
