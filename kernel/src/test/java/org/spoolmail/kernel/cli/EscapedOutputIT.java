package org.spoolmail.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input that carries terminal control sequences, as an attacker would write it: whatever spoolmail prints about it
 * (a syntax error quoting the record, the result line with the subject, the input's file name) shows each control
 * or bidirectional character as {@code \\uXXXX}, never the character itself.
 */
class EscapedOutputIT {

    @TempDir
    Path dir;

    @Test
    void sendShouldEscapeAnEscSequenceWhenASyntaxErrorQuotesTheRecord() throws Exception {
        Path input = write("esc.smtp", "HELO X\nMAIL FROM:<a@example.com>\nRCPT TO:<b\u001B]0;pwned\u0007@example.com>\n"
                + "DATA\nSubject: hi\n\nbody\n.\nQUIT\n");

        SpoolmailRun run = SpoolmailRun.send(pipeline(), input.toString());

        assertEquals(12, run.code, run.toString());
        assertTrue(run.err.contains("spoolmail send: " + input + " record 3: malformed address"
                + " '<b\\u001B]0;pwned\\u0007@example.com>' in RCPT TO:"), run.err);
        assertClean(run);
    }

    @Test
    void sendShouldEscapeARightToLeftOverrideWhenTheResultLineShowsTheSubject() throws Exception {
        Path input = write("rlo.smtp", "HELO X\nMAIL FROM:<a@example.com>\nRCPT TO:<b@example.com>\nDATA\n"
                + "Subject: invoice \u202Efdp.exe\n\nbody\n.\nQUIT\n");

        SpoolmailRun run = SpoolmailRun.send(pipeline(), input.toString());

        assertEquals(0, run.code, run.toString());
        assertTrue(run.out.contains(" DELIVERED <a@example.com> -> <b@example.com> subject \"invoice \\u202Efdp.exe\""
                + " (condition code 0)"), run.out);
        assertClean(run);
    }

    @Test
    void sendShouldEscapeControlCharactersWhenTheInputsFileNameHoldsThem() throws Exception {
        Path missing = dir.resolve("report\u001B[2J\u2028.smtp");

        SpoolmailRun run = SpoolmailRun.send(pipeline(), missing.toString());

        assertEquals(12, run.code, run.toString());
        assertTrue(run.err.contains("spoolmail send: cannot read " + dir + "/report\\u001B[2J\\u2028.smtp: no such file"
                + " (condition code 12)"), run.err);
        assertClean(run);
    }

    private static void assertClean(SpoolmailRun run) {
        for (String text : new String[] {run.out, run.err}) {
            assertFalse(text.chars().anyMatch(c -> c == 0x1B || c == 0x07 || c == 0x202E || c == 0x2028),
                    run.toString());
        }
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private Path pipeline() throws Exception {
        return Files.writeString(dir.resolve("pipeline.yaml"), String.join("\n", "version: 1", "pipeline:",
                "  - stage: parse", "    use: smtp-datastream", "  - exit: verify-sender", "    routines: []",
                "  - stage: mime-encode", "    use: mime-encode", "  - stage: codepage-translate",
                "    use: codepage-translate", "  - stage: deliver", "    use: deliver-outbox",
                "    config: {directory: outbox}", "  - stage: log", "    use: audit-log",
                "    config: {directory: audit}", ""), StandardCharsets.UTF_8);
    }
}
