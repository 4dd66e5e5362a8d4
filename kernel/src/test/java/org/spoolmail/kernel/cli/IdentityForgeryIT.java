package org.spoolmail.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jakarta.mail.Header;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A datastream whose MAIL FROM and From header claim another user's address (and an X-Spoolmail-User header and a
 * claimed job name try to claim another user), submitted as the OS user running the test, whose directory entry
 * allows only batch1@example.com: the directory-sender exit from its plugin jar rejects it (verify mode) or
 * rewrites both places (replace mode), and the audit record's user ID stays the OS user, established.
 */
class IdentityForgeryIT {

    private static final String USER = System.getProperty("user.name");
    private static final String FORGED = String.join("\n", "HELO EXAMPLE.COM", "MAIL FROM:<ceo@example.com>",
            "RCPT TO:<alice@example.com>", "DATA", "From: \"The CEO\" <ceo@example.com>", "To: alice@example.com",
            "X-Spoolmail-User: CEO", "Subject: bonus", "", "Pay everyone double.", ".", "QUIT", "");

    @TempDir
    Path dir;

    @Test
    void sendShouldRejectWithCode8AndKeepTheOsUserWhenTheDatastreamClaimsAnotherUsersAddressInVerifyMode()
            throws Exception {
        ExitRun exits = new ExitRun(dir).raw("verify-sender", directory("verify"));

        SpoolmailRun run = exits.send(FORGED, "--job-name", "CEOJOB");

        assertEquals(8, run.code, run.toString());
        String record = exits.audit("bonus");
        assertTrue(record.contains("\"outcome\":\"REJECTED\""), record);
        assertTrue(record.contains("\"reply\":\"550 5.7.1 " + USER + " is not authorised to send as"
                + " ceo@example.com\",\"relay-reply\":null,"), record);
        assertIdentity(record);
        assertEquals(List.of(), exits.envelopes());
    }

    @Test
    void sendShouldRewriteReversePathAndFromWithCode4AndKeepTheOsUserWhenTheDatastreamClaimsAnotherUsersAddressInReplaceMode()
            throws Exception {
        ExitRun exits = new ExitRun(dir).raw("verify-sender", directory("replace"));

        SpoolmailRun run = exits.send(FORGED, "--job-name", "CEOJOB");

        assertEquals(4, run.code, run.toString());
        String record = exits.audit("bonus");
        assertTrue(record.contains("\"original-reverse-path\":\"<ceo@example.com>\","
                + "\"reverse-path\":\"<batch1@example.com>\",\"original-from\":\"\\\"The CEO\\\" <ceo@example.com>\","
                + "\"from\":\"\\\"The CEO\\\" <batch1@example.com>\""), record);
        assertTrue(record.contains("\"hold-cause\":null,\"condition-code\":4,"), record);
        assertIdentity(record);
        assertEquals(List.of("MAIL FROM:<batch1@example.com>\nRCPT TO:<alice@example.com>\n"), exits.envelopes());
        MimeMessage m = Messages.parse(SpoolmailRun.files(dir.resolve("outbox"), ".eml").get(0));
        assertEquals(List.of(new InternetAddress("\"The CEO\" <batch1@example.com>")), List.of(m.getFrom()));
        assertEquals(null, m.getHeader("Sender"));
        assertNoJobOrUserDetails(m);
    }

    @Test
    void sendShouldRefuseWithCode16AndSendNothingWhenTheJvmHidesTheUnixModuleAndSetsUserName() throws Exception {
        // Only the account ceo may send as ceo@example.com; the submitter is not ceo.
        ExitRun exits = new ExitRun(dir).raw("verify-sender", String.join("\n", "    routines: [directory-sender]",
                "    config:", "      directory-sender:", "        mode: verify", "        entries:",
                "          - user: ceo", "            send-as: [ceo@example.com]"));
        Path plugins = SpoolmailRun.pluginsCopy(dir);
        Path input = java.nio.file.Files.writeString(dir.resolve("forged.smtp"), FORGED);
        // What a submitter can do without any privilege: hide jdk.security.auth and name another user.
        Map<String, String> forging = Map.of("JDK_JAVA_OPTIONS", "--limit-modules java.base,java.logging,java.xml,"
                + "java.naming,java.sql,java.management -Duser.name=ceo");

        ChildSpoolmail run = ChildSpoolmail.run(dir, forging, "send", "-c", exits.pipeline().toString(),
                "--plugins", plugins.toString(), input.toString());

        assertEquals(16, run.code, run.toString());
        assertTrue(run.err.contains("spoolmail send: cannot establish the OS user ID: the JDK module"
                + " jdk.security.auth is not available"), run.toString());
        assertTrue(run.err.contains("spoolmail send: configuration error, nothing was sent (condition code 16)"),
                run.toString());
        assertEquals(List.of(), SpoolmailRun.files(dir.resolve("outbox"), ".eml"));
        assertEquals(List.of(), SpoolmailRun.files(dir.resolve("audit"), ".jsonl"));
    }

    private static void assertIdentity(String record) {
        assertTrue(record.contains("\"identity\":{\"user-id\":{\"value\":\"" + USER + "\",\"established\":true},"
                + "\"job-name\":{\"value\":\"CEOJOB\",\"established\":false}"), record);
        assertFalse(record.contains("\"value\":\"CEO\""), record);
    }

    /** The header fields spoolmail generated (Message-ID, Date, MIME-Version, ...) carry no job name or user ID. */
    private static void assertNoJobOrUserDetails(MimeMessage m) throws Exception {
        for (Header h : java.util.Collections.list(m.getAllHeaders())) {
            if (h.getName().equalsIgnoreCase("X-Spoolmail-User")) {
                continue;
            }
            assertFalse(h.getValue().contains("CEOJOB"), h.getName() + ": " + h.getValue());
            if (USER.length() >= 4) {
                assertFalse(h.getValue().contains(USER), h.getName() + ": " + h.getValue());
            }
        }
    }

    private static String directory(String mode) {
        return String.join("\n", "    routines: [directory-sender]", "    config:", "      directory-sender:",
                "        mode: " + mode, "        entries:", "          - user: \"" + USER + "\"",
                "            send-as: [batch1@example.com]");
    }
}
