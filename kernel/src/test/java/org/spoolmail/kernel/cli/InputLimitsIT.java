package org.spoolmail.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs built to exhaust the JVM, as an attacker would write them: 1,000 nested multiparts (a StackOverflowError
 * ended the run with exit status 1, the next message neither sent nor held nor audited) and a TEXT block larger
 * than the heap (an OutOfMemoryError). Each gets a clear error or goes through; nothing is lost.
 */
class InputLimitsIT {

    @TempDir
    Path dir;

    @Test
    void sendShouldHoldTheDeeplyNestedMessageWithCode12AndDeliverTheNextWhenMultipartsNest1000Deep()
            throws Exception {
        ExitRun exits = new ExitRun(dir);

        SpoolmailRun run = exits.send(nested(1000));

        assertEquals(12, run.code, run.toString());
        assertTrue(run.err.contains(" HELD: stage mime-encode (mime-encode): mail "), run.err);
        assertTrue(run.err.contains(": multipart parts are nested more than 100 levels deep, which no mail needs;"
                + " refusing it rather than walking it (kept in " + dir.resolve("spool/queue/held") + "/"), run.err);
        assertTrue(exits.audit("nested").contains("\"outcome\":\"HELD\""), exits.audit("nested"));
        assertTrue(exits.audit("nested").contains("\"hold-cause\":\"BAD_INPUT\",\"condition-code\":12"),
                exits.audit("nested"));
        assertTrue(exits.audit("second").contains("\"outcome\":\"DELIVERED\""), exits.audit("second"));
        assertEquals(1, SpoolmailRun.files(dir.resolve("outbox"), ".eml").size());
    }

    @Test
    void sendShouldDeliverATextBlockLargerThanTheHeapWhenTheDeckRunsUnderSixtyFourMegabytes() throws Exception {
        Path deck = dir.resolve("big.deck");
        int lines = 600_000;
        try (BufferedWriter w = Files.newBufferedWriter(deck, StandardCharsets.UTF_8)) {
            w.write("FROM batch@example.com\nTO hr@example.com\nSUBJECT big\nTEXT\n");
            String line = "0123456789".repeat(7) + "ABCDEFGHI";
            for (int i = 0; i < lines; i++) {
                w.write(line);
                w.write('\n');
            }
            w.write("ENDTEXT\nSEND\n");
        }
        Path plugins = SpoolmailRun.pluginsCopy(dir);
        Path pipeline = Files.writeString(dir.resolve("deck.yaml"), String.join("\n", "version: 1",
                "input: {ccsid: \"1208\", records: lf}", "pipeline:", "  - stage: parse",
                "    use: control-statements", "  - exit: verify-sender", "    routines: []",
                "  - stage: mime-encode", "    use: mime-encode", "  - stage: codepage-translate",
                "    use: codepage-translate", "  - stage: deliver", "    use: deliver-outbox",
                "    config: {directory: outbox}", "  - stage: log", "    use: audit-log",
                "    config: {directory: audit}", ""), StandardCharsets.UTF_8);

        ChildSpoolmail run = ChildSpoolmail.run(dir, Map.of("JDK_JAVA_OPTIONS", "-Xmx64m"), "send", "-c",
                pipeline.toString(), "--plugins", plugins.toString(), deck.toString());

        assertEquals(0, run.code, run.toString());
        List<Path> eml = SpoolmailRun.files(dir.resolve("outbox"), ".eml");
        assertEquals(1, eml.size());
        assertTrue(Files.size(eml.get(0)) > 80L * lines, "size " + Files.size(eml.get(0)));
    }

    /** A datastream of two messages: the first's multiparts nest {@code depth} deep, the second is plain. */
    private static String nested(int depth) {
        List<String> lines = new ArrayList<>(List.of("HELO X", "MAIL FROM:<a@example.com>", "RCPT TO:<b@example.com>",
                "DATA", "Subject: nested", "MIME-Version: 1.0", "Content-Type: multipart/mixed; boundary=\"b0\"", ""));
        for (int i = 1; i < depth; i++) {
            lines.addAll(List.of("--b" + (i - 1), "Content-Type: multipart/mixed; boundary=\"b" + i + "\"", ""));
        }
        lines.addAll(List.of("--b" + (depth - 1), "Content-Type: text/plain", "", "deep"));
        for (int i = depth - 1; i >= 0; i--) {
            lines.add("--b" + i + "--");
        }
        lines.addAll(List.of(".", "MAIL FROM:<a@example.com>", "RCPT TO:<b@example.com>", "DATA", "Subject: second",
                "", "fine", ".", "QUIT", ""));
        return String.join("\n", lines);
    }
}
