package org.spoolmail.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Must-show 5 of issue 8: two spool files submitted by different OS users (spoolmail-a, spoolmail-b, switched to
 * with runuser); the server, running as root, establishes each submitter from its drop's owner: the audit records
 * carry them as established user IDs and the directory-sender exit decides on them (a may send as a@example.com,
 * b is not in the directory). Needs root and the two users, which .ci/run creates; skipped otherwise unless
 * {@code SPOOLMAIL_SPOOL_USERS=required} (set by .ci/run) says it must run.
 */
class SpoolSubmittersIT {

    private static final List<String> USERS = List.of("spoolmail-a", "spoolmail-b");

    @TempDir
    Path dir;

    private static void assumeUsers() {
        boolean required = "required".equals(System.getenv("SPOOLMAIL_SPOOL_USERS"));
        String problem = !"root".equals(System.getProperty("user.name")) ? "not running as root"
                : !USERS.stream().allMatch(SpoolSubmittersIT::exists) ? "users " + USERS + " missing" : null;
        if (required && problem != null) {
            throw new AssertionError("SPOOLMAIL_SPOOL_USERS=required but " + problem + " (run .ci/run as root)");
        }
        assumeTrue(problem == null, problem);
    }

    @Test
    void spoolShouldEstablishEachDropOwnerForAuditAndExitsWhenTwoUsersSubmit() throws Exception {
        assumeUsers();

        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path pipeline = SpoolPipelines.write(dir, PipelineFiles.outbox(), String.join("\n",
                "    routines: [directory-sender]",
                "    config:",
                "      directory-sender:",
                "        mode: verify",
                "        entries:",
                "          - user: \"spoolmail-a\"",
                "            send-as: [\"a@example.com\"]"), "{}");
        Files.setPosixFilePermissions(pipeline, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals(0, SpoolmailRun.run("spool", "--once", "-c", pipeline.toString(), "--plugins",
                SpoolmailRun.PLUGINS.toString()).code);
        for (String user : USERS) {
            String letter = user.substring(user.length() - 1);
            Path input = dir.resolve(letter + ".smtp");
            Files.writeString(input, "MAIL FROM:<" + letter + "@example.com>\nRCPT TO:<ops@example.com>\nDATA\n"
                    + "Subject: from " + user + "\n\nhello\n.\n", StandardCharsets.ISO_8859_1);
            Files.setPosixFilePermissions(input, PosixFilePermissions.fromString("rw-r--r--"));
            String out = runAs(user, 0, "submit", pipeline, input);
            assertTrue(out.contains(" QUEUED <" + letter + "@example.com> -> <ops@example.com>"), out);
        }
        for (Path drop : SpoolmailRun.files(dir.resolve("spool/incoming"), "")) {
            assertTrue(USERS.contains(Files.getOwner(drop).getName()), drop + " owned by its submitter");
        }

        SpoolmailRun run = SpoolmailRun.run("spool", "--once", "-c", pipeline.toString(), "--plugins",
                SpoolmailRun.PLUGINS.toString());
        assertTrue(run.out.contains(" DELIVERED <a@example.com> -> <ops@example.com>"), run.out);
        assertTrue(run.out.contains(" HELD (bad spool file): user ID spoolmail-b is not in the sender directory"),
                run.out);
        String audit = Files.readString(SpoolmailRun.files(dir.resolve("audit"), ".jsonl").get(0),
                StandardCharsets.UTF_8);
        List<String> records = audit.lines().toList();
        assertEquals(2, records.size(), audit);
        String a = records.stream().filter(r -> r.contains("\"reverse-path\":\"<a@example.com>\"")).findFirst()
                .orElseThrow();
        String b = records.stream().filter(r -> r.contains("\"reverse-path\":\"<b@example.com>\"")).findFirst()
                .orElseThrow();
        assertTrue(a.contains("\"user-id\":{\"value\":\"spoolmail-a\",\"established\":true}"), a);
        assertTrue(a.contains("\"outcome\":\"DELIVERED\""), a);
        assertTrue(b.contains("\"user-id\":{\"value\":\"spoolmail-b\",\"established\":true}"), b);
        assertTrue(b.contains("\"routine\":\"directory-sender\",\"decision\":\"REJECT\",\"reason\":\"user ID "
                + "spoolmail-b is not in the sender directory\""), b);
    }

    @Test
    void sendShouldKeepHeldMailThroughTheDropFolderWhenTheQueueBelongsToTheServiceAccount() throws Exception {
        assumeUsers();
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path pipeline = SpoolPipelines.write(dir, PipelineFiles.outbox(), "", "{}");
        Files.setPosixFilePermissions(pipeline, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals(0, SpoolmailRun.run("spool", "--once", "-c", pipeline.toString(), "--plugins",
                SpoolmailRun.PLUGINS.toString()).code); // the queue is root's (0700), the drop folder open to all
        Path input = dir.resolve("bad.smtp");
        Files.writeString(input, "HELO MVSA\nMAIL FROM:<a@example.com>\nRCTP TO:<b@example.com>\n",
                StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(input, PosixFilePermissions.fromString("rw-r--r--"));
        for (String folder : List.of("outbox", "audit")) { // the stages' own folders are not what this is about
            Files.createDirectories(dir.resolve(folder));
            Files.setPosixFilePermissions(dir.resolve(folder), PosixFilePermissions.fromString("rwxrwxrwx"));
        }

        String out = runAs("spoolmail-a", 12, "send", pipeline, input);
        String marker = "held in the spool queue as ";
        String id = out.substring(out.indexOf(marker) + marker.length()).split(" ")[0];
        assertTrue(out.contains(marker + id + " (" + dir.resolve("spool/incoming/" + id) + " (the spool server takes"
                + " it in held)): spoolmail queue show " + id), out);
        assertEquals("spoolmail-a", Files.getOwner(dir.resolve("spool/incoming/" + id)).getName());
        SpoolmailRun listed = SpoolmailRun.run("queue", "-c", pipeline.toString());
        assertTrue(listed.out.contains(id + " incoming"), listed.out);
        assertTrue(listed.out.contains(" spoolmail-a - -> - [dropped, not yet taken in by the server; asks to enter"
                + " held: HELD, hold-cause BAD_INPUT, condition code 12: " + input + " record 3: unknown SMTP verb"
                + " 'RCTP']"), listed.out);

        SpoolmailRun run = SpoolmailRun.run("spool", "--once", "-c", pipeline.toString(), "--plugins",
                SpoolmailRun.PLUGINS.toString());

        assertEquals(0, run.code, run.toString());
        SpoolmailRun shown = SpoolmailRun.run("queue", "show", id, "-c", pipeline.toString());
        assertEquals(List.of("id: " + id, "state: held", "submitter: spoolmail-a (established)", "origin: " + input,
                "input: (detected), ccsid 819, records lf, mail object 1", "options: --plugins "
                        + SpoolmailRun.PLUGINS.toAbsolutePath().normalize() + " -c " + pipeline), shown.out.lines()
                .limit(6).toList(), shown.out);
        assertTrue(shown.out.contains("\nreason: HELD, hold-cause BAD_INPUT, condition code 12: " + input
                + " record 3: unknown SMTP verb 'RCTP'\n"), shown.out);
    }

    private static String runAs(String user, int code, String subcommand, Path pipeline, Path input) throws Exception {
        Path dist = SpoolmailRun.PLUGINS.toAbsolutePath().getParent();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of("runuser", "-u", user, "--", java,
                "-Dspoolmail.home=" + dist, "-cp", dist.resolve("lib") + "/*", "org.spoolmail.kernel.cli.Main",
                subcommand, "-c", pipeline.toString(), "--plugins", SpoolmailRun.PLUGINS.toAbsolutePath().toString(),
                input.toString()));
        Process p = new ProcessBuilder(command).directory(pipeline.getParent().toFile()).redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(code, p.exitValue(), out);
        return out;
    }

    private static boolean exists(String user) {
        try {
            return new ProcessBuilder("id", "-u", user).start().waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
