package org.spoolmail.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spoolmail.kernel.cli.exits.ExitJars;
import org.spoolmail.kernel.cli.exits.ExitingExit;
import org.spoolmail.kernel.cli.exits.HaltingExit;
import org.spoolmail.kernel.cli.exits.HiddenExitExit;
import org.spoolmail.kernel.cli.exits.UnconfiguredExit;

/**
 * A site exit routine that ends the process ended {@code send} with exit status 0, the mail neither sent nor held
 * nor audited. Run in a JVM of its own, as a job step runs it: a plugin calling System.exit or Runtime.halt is
 * refused before it loads (16, nothing read or sent); one that hides System.exit behind reflection gets its item
 * held and audited by the shutdown hook, and the exit status is 8.
 */
class ProcessEndingExitIT {

    @TempDir
    Path dir;

    @Test
    void sendShouldRefuseToLoadWithCode16WhenAnExitRoutineCallsSystemExit() throws Exception {
        ChildSpoolmail run = send(ExitingExit.class, "exiting");

        assertEquals(16, run.code, run.toString());
        assertTrue(run.err.contains("spoolmail send: " + dir.resolve("plugins/site-exit.jar") + "!/"
                + "org/spoolmail/kernel/cli/exits/ExitingExit.class can end the Java process (java.lang.System.exit):"
                + " a plugin must never do that, since the run would end without sending, holding or auditing the"
                + " mail; refusing to load plugins from this folder"), run.toString());
        assertNothingSent();
    }

    @Test
    void sendShouldRefuseToLoadWithCode16WhenAnExitRoutineCallsRuntimeHalt() throws Exception {
        ChildSpoolmail run = send(HaltingExit.class, "halting");

        assertEquals(16, run.code, run.toString());
        assertTrue(run.err.contains("HaltingExit.class can end the Java process (java.lang.Runtime.halt)"),
                run.toString());
        assertNothingSent();
    }

    @Test
    void sendShouldHoldAndAuditTheItemAndEndWith8WhenAnExitRoutineReachesSystemExitByReflection()
            throws Exception {
        ChildSpoolmail run = send(HiddenExitExit.class, "hidden-exit");

        assertEquals(8, run.code, run.toString());
        String why = "stage verify-sender (verify-sender): the process was told to end while it ran (System.exit or"
                + " Runtime.exit called by a plugin, or a signal such as SIGTERM)";
        assertTrue(run.err.contains(" HELD: " + why + " (kept in " + dir.resolve("spool/queue/held") + "/"),
                run.toString());
        List<Path> audit = SpoolmailRun.files(dir.resolve("audit"), ".jsonl");
        assertEquals(1, audit.size(), run.toString());
        String record = Files.readString(audit.get(0), StandardCharsets.UTF_8);
        assertTrue(record.contains("\"outcome\":\"HELD\",\"reason\":\"" + why + "\",\"hold-cause\":\"EXIT_FAILURE\","
                + "\"condition-code\":8"), record);
        assertEquals(1, SpoolmailRun.files(dir.resolve("spool/queue/held"), "").size());
        assertEquals(List.of(), SpoolmailRun.files(dir.resolve("outbox"), ".eml"));
    }

    private ChildSpoolmail send(Class<?> exit, String name) throws Exception {
        ExitRun exits = new ExitRun(dir).raw("verify-sender", "    routines: [" + name + "]");
        Path plugins = SpoolmailRun.pluginsCopy(dir);
        ExitJars.write(plugins, "site-exit", null, List.of(exit), List.of(UnconfiguredExit.class));
        Path input = Files.writeString(dir.resolve("input.smtp"), ExitRun.TWO_TRANSACTIONS, StandardCharsets.US_ASCII);
        return ChildSpoolmail.run(dir, Map.of(), "send", "-c", exits.pipeline().toString(), "--plugins",
                plugins.toString(), input.toString());
    }

    private void assertNothingSent() throws Exception {
        assertEquals(List.of(), SpoolmailRun.files(dir.resolve("outbox"), ".eml"));
        assertEquals(List.of(), SpoolmailRun.files(dir.resolve("audit"), ".jsonl"));
    }
}
