package org.spoolmail.kernel.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The audit records of refused input (bad spool files) as the spool ITs compare them. */
final class RefusedRecords {

    private RefusedRecords() {
    }

    /**
     * @param dir the test folder, whose {@code audit/} holds the day's file
     * @return the first record of the item with that outcome, its time and system name left out (they vary)
     */
    static String line(Path dir, String id, String outcome) throws IOException {
        String audit = Files.readString(SpoolmailRun.files(dir.resolve("audit"), ".jsonl").get(0),
                StandardCharsets.UTF_8);
        String line = audit.lines().filter(l -> l.contains("\"queue-id\":\"" + id + "\",\"outcome\":\"" + outcome))
                .findFirst().orElseThrow(() -> new AssertionError("no " + outcome + " record of " + id + ": " + audit));
        return line.replaceFirst("^\\{\"time\":\"[^\"]+\",", "")
                .replaceFirst("\"system-name\":\\{[^}]*\\}", "\"system-name\":SYS");
    }
}
