package org.spoolmail.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code spoolmail queue show} says of an item {@code send} kept in the spool queue, for the tests that held
 * mail used to be checked in the hold folder: every line but {@code created:} (a time of the run).
 */
final class HeldItems {

    static final String USER = System.getProperty("user.name");

    private HeldItems() {
    }

    /** @return the lines of {@code queue show ID}, without the {@code created:} line */
    static List<String> show(Path pipeline, String id) {
        SpoolmailRun run = SpoolmailRun.run("queue", "show", id, "-c", pipeline.toString());
        assertEquals(0, run.code, run.toString());
        return run.out.lines().filter(l -> !l.startsWith("created: ")).toList();
    }

    /** @return the queue ID of the first line of {@code send}'s output with this outcome */
    static String id(SpoolmailRun run, String outcome) {
        return run.out.lines().filter(l -> l.contains(" " + outcome + " ")).findFirst().orElseThrow().split(" ")[0];
    }

    /** @return the queue ID a {@code held in the spool queue as ID (...)} line on standard error names */
    static String keptId(SpoolmailRun run) {
        String marker = "held in the spool queue as ";
        String line = run.err.lines().filter(l -> l.contains(marker)).findFirst().orElseThrow(() ->
                new AssertionError("no '" + marker + "' line: " + run));
        return line.substring(line.indexOf(marker) + marker.length()).split(" ")[0];
    }
}
