package org.spoolmail.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.spoolmail.kernel.cli.exits.ExitJars;
import org.spoolmail.kernel.cli.exits.FailingStartPlugin;
import org.spoolmail.kernel.cli.exits.ScriptedExitA;

/**
 * Isolation, end to end: real exit plugin jars, built in the test, loaded by PF4J through {@code spoolmail send}.
 * A routine that throws, raises a LinkageError, overruns its time limit or returns null holds its item with the
 * routine's name and the reason (stderr and audit record, condition code 8); the next item of the same input is
 * delivered. A plugin that cannot start, and a plugins folder or jar that others can write, stop start-up with 16.
 */
class ExitIsolationIT {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource(delimiter = '|', value = {
        "throw         | verify-sender     | failed: java.lang.IllegalStateException: site directory is corrupt",
        "linkage-error | verify-sender     | failed: java.lang.NoClassDefFoundError: com/example/SiteDirectory",
        "sleep         | verify-sender     | exceeded its time limit of 700ms",
        "null          | verify-sender     | returned no decision (null)",
        "throw         | verify-recipients | failed: java.lang.IllegalStateException: site directory is corrupt",
        "sleep         | content-policy    | exceeded its time limit of 700ms",
        "null          | content-policy    | returned no decision (null)"})
    void sendShouldHoldTheFailingItemAndDeliverTheNextWhenARoutineFails(String failure, String exitPoint,
            String reason) throws Exception {
        ExitRun exits = new ExitRun(dir).timeLimit("700ms")
                .routine(exitPoint, "scripted-a", failure, "trigger@example.com", "nobody@example.com");

        SpoolmailRun run = exits.send(ExitRun.TWO_TRANSACTIONS);

        assertEquals(8, run.code, run.toString());
        String why = "stage " + exitPoint + " (" + exitPoint + "): exit routine scripted-a " + reason;
        assertTrue(run.err.contains(" HELD: " + why), run.toString());
        String held = exits.audit("first");
        assertTrue(held.contains("\"outcome\":\"HELD\",\"reason\":\"" + why + "\",\"hold-cause\":\"EXIT_FAILURE\""),
                held);
        assertTrue(held.contains("\"stage\":\"" + exitPoint + "\",\"routine\":null,\"decision\":\"HELD\""), held);
        String delivered = exits.audit("second");
        assertTrue(delivered.contains("\"outcome\":\"DELIVERED\""), delivered);
        assertTrue(delivered.contains("\"routine\":\"scripted-a\",\"decision\":\"CONTINUE\","
                + "\"reason\":\"not trigger@example.com\""), delivered);
        assertEquals(List.of("MAIL FROM:<fine@example.com>\nRCPT TO:<alice@example.com>\n"), exits.envelopes());
        assertTrue(run.out.contains(" HELD <trigger@example.com> -> <alice@example.com>,<bob@partner.example>"
                + " subject \"first\" (condition code 8)"), run.out);
        assertTrue(run.out.contains(" DELIVERED <fine@example.com> -> <alice@example.com> subject \"second\""
                + " (condition code 0)"), run.out);
    }

    @Test
    void sendShouldStopWithCode16AndThePluginsOwnErrorWhenAPluginNamedInThePipelineFailsToStart()
            throws Exception {
        Path plugins = SpoolmailRun.pluginsCopy(dir);
        ExitJars.write(plugins, "scripted-exits", FailingStartPlugin.class, List.of(ScriptedExitA.class),
                List.of(org.spoolmail.kernel.cli.exits.ScriptedExit.class));
        Path pipeline = new ExitRun(dir).routine("verify-sender", "scripted-a", "continue", "x@example.com",
                "nobody@example.com").pipeline();

        SpoolmailRun run = SpoolmailRun.run("send", "-c", pipeline.toString(), "--plugins", plugins.toString(),
                SpoolmailRun.corpus(dir, "seed-example.smtp").toString());

        assertEquals(16, run.code, run.toString());
        assertTrue(run.err.contains("pipeline[1].routines[0]: no exit routine named 'scripted-a'"), run.err);
        assertTrue(run.err.contains("plugins: plugin scripted-exits 1.0.0 is FAILED: java.lang.IllegalStateException:"
                + " cannot reach the site directory server"), run.err);
        assertEquals(List.of(), SpoolmailRun.files(dir.resolve("outbox"), ".eml"));
    }

    @Test
    void sendShouldRefuseWithCode16WhenAPluginJarIsWritableByOthers() throws Exception {
        Path plugins = SpoolmailRun.pluginsCopy(dir);
        Path jar = ExitJars.scripted(plugins);
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-rw-rw-"));
        Path pipeline = new ExitRun(dir).pipeline();

        SpoolmailRun run = SpoolmailRun.run("send", "-c", pipeline.toString(), "--plugins", plugins.toString(),
                SpoolmailRun.corpus(dir, "seed-example.smtp").toString());

        assertEquals(16, run.code, run.toString());
        assertTrue(run.err.contains(jar + " is writable by other users: refusing to load plugins from it (chmod go-w "
                + jar + ")"), run.err);
        assertEquals(List.of(), SpoolmailRun.files(dir.resolve("outbox"), ".eml"));
    }

    @Test
    void sendShouldRefuseWithCode16WhenThePluginsFolderIsWritableByOthers() throws Exception {
        Path plugins = SpoolmailRun.pluginsCopy(dir);
        Files.setPosixFilePermissions(plugins, PosixFilePermissions.fromString("rwxrwxrwx"));

        SpoolmailRun run = SpoolmailRun.run("send", "-c", new ExitRun(dir).pipeline().toString(), "--plugins",
                plugins.toString(), SpoolmailRun.corpus(dir, "seed-example.smtp").toString());

        assertEquals(16, run.code, run.toString());
        assertTrue(run.err.contains(plugins + " is writable by other users"), run.err);
        assertEquals(List.of(), SpoolmailRun.files(dir.resolve("outbox"), ".eml"));
    }
}
