package org.spoolmail.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 3, "Must show" 5: malformed SMTP datastreams (ASCII and EBCDIC), control-statement decks and RFC 5322
 * messages each give one specific line on stderr naming the file, the record and the reason, condition code 12, and
 * deliver nothing: no outbox file, and with {@code deliver-smtp} nothing reaches the SMTP server (GreenMail).
 * Control octets (x'25', x'15', x'0D', CR, LF) in a header record or a statement value are refused with their
 * record and never become a line break in a header.
 */
class MalformedInputsIT {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    static Stream<MalformedInputs> inputs() {
        List<MalformedInputs> all = new ArrayList<>();
        all.addAll(MalformedCases.datastreams());
        all.addAll(MalformedCases.decks());
        all.addAll(MalformedCases.messages());
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void sendShouldNameFileRecordAndReasonWithCode12AndWriteNoOutboxFileWhenTheInputIsMalformed(
            MalformedInputs input) throws Exception {
        Path file = dir.resolve("input." + input.format());
        Files.write(file, input.octets());

        SpoolmailRun run = SpoolmailRun.send(pipeline("    use: deliver-outbox\n    config: {directory: outbox}"),
                "--format", input.format(), "--codepage", Integer.toString(input.ccsid()), "--records",
                input.records(), file.toString());

        assertEquals(12, run.code, run.toString());
        assertEquals(List.of(expected(file, input), heldLine(file), "spoolmail send: condition code 12"),
                run.err.lines().toList());
        assertEquals("", run.out);
        assertEquals(List.of(), SpoolmailRun.files(dir.resolve("outbox"), ".eml"));
        assertEquals(List.of(), SpoolmailRun.files(dir.resolve("outbox"), ".envelope"));
    }

    static Stream<MalformedInputs> someInputs() {
        return inputs().filter(i -> i.name().contains("x'25'") || i.name().contains("unknown verb"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("someInputs")
    void sendShouldSendNothingToTheSmtpServerWhenTheInputIsMalformed(MalformedInputs input) throws Exception {
        Path file = dir.resolve("input." + input.format());
        Files.write(file, input.octets());

        SpoolmailRun run = SpoolmailRun.send(pipeline(PipelineFiles.smtp(smtp.getSmtp().getPort())), "--format",
                input.format(), "--codepage", Integer.toString(input.ccsid()), "--records", input.records(),
                file.toString());

        assertEquals(12, run.code, run.toString());
        assertEquals(expected(file, input), run.err.lines().findFirst().orElseThrow());
        assertEquals(0, smtp.getReceivedMessages().length);
    }

    /** @return the line naming the HELD item of the spool queue that keeps the whole input, checked byte for byte */
    private String heldLine(Path file) throws IOException {
        List<Path> items = SpoolmailRun.files(dir.resolve("spool/queue/held"), "");
        assertEquals(1, items.size(), items.toString());
        String id = items.get(0).getFileName().toString();
        org.junit.jupiter.api.Assertions.assertArrayEquals(Files.readAllBytes(file),
                Files.readAllBytes(dir.resolve("spool/queue/data/" + id)));
        return "spoolmail send: " + file + ": held in the spool queue as " + id + " (" + items.get(0)
                + "): spoolmail queue show " + id;
    }

    /** @return the error line: the file, then the record and reason (or ': ' and a reason about the whole input) */
    private static String expected(Path file, MalformedInputs input) {
        return "spoolmail send: " + file + (input.error().startsWith(":") ? "" : " ") + input.error()
                + " (condition code 12); nothing from this input was sent";
    }

    private Path pipeline(String deliver) throws Exception {
        String yaml = """
                version: 1
                input: {ccsid: "819", records: lf}
                pipeline:
                  - stage: parse
                    use: [smtp-datastream, control-statements, rfc5322-message]
                    config:
                      control-statements: {time-zone: UTC}
                  - stage: mime-encode
                    use: mime-encode
                  - stage: codepage-translate
                    use: codepage-translate
                  - stage: deliver
                %s
                  - stage: log
                    use: audit-log
                    config: {directory: audit}
                """.formatted(deliver);
        Path file = dir.resolve("pipeline.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }
}
