package org.spoolmail.plugins.parse.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.MailInput;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.MimePart;
import org.spoolmail.exits.mail.RecordFormat;

/**
 * Runs every {@code deck} example of docs/control-statements.md through the parser and checks what the
 * {@code result} block after it states: envelope, header fields, MIME structure, body lines, or the exact error.
 */
class ControlStatementDocExamplesTest {

    private static final Path DOC = Path.of("../../docs/control-statements.md");

    @TempDir
    Path dir;

    /** A deck example and the result block that follows it (empty if none). */
    record Example(int line, List<String> deck, List<String> result) {
    }

    @TestFactory
    Stream<DynamicTest> everyDocumentedDeckShouldGiveItsDocumentedResult() throws IOException {
        return examples().stream().map(e -> DynamicTest.dynamicTest("example at line " + e.line(), () -> run(e)));
    }

    @Test
    void docShouldShowAWorkedExampleForEveryStatement() throws IOException {
        Set<Keyword> shown = EnumSet.noneOf(Keyword.class);
        for (Example e : examples()) {
            e.deck().stream().map(l -> l.strip().split("\\s+")[0]).map(Keyword::of)
                    .forEach(k -> k.ifPresent(shown::add));
            assertFalse(e.deck().isEmpty());
        }
        assertEquals(EnumSet.allOf(Keyword.class), shown);
        for (Keyword k : Keyword.values()) {
            assertTrue(Files.readString(DOC).contains("### " + k + ":"), "no section for " + k);
        }
    }

    private void run(Example e) throws Exception {
        Path deck = dir.resolve("deck.txt");
        Files.writeString(deck, String.join("\n", e.deck()) + "\n", StandardCharsets.UTF_8);
        makeFiles(e.deck());
        MailInput input = Decks.input(deck, Ccsid.UTF_8, RecordFormat.LF, Decks.IDENTITY);
        List<String> errors = e.result().stream().filter(l -> l.startsWith("error: ")).toList();
        if (!errors.isEmpty()) {
            PermanentStageException x = assertThrows(PermanentStageException.class,
                    () -> Decks.parser(dir).parse(input));
            assertEquals(deck + " " + errors.get(0).substring("error: ".length()), x.getMessage());
            return;
        }
        List<MailObject> mails = Decks.parser(dir).parse(input);
        List<String> body = new ArrayList<>();
        for (String line : e.result()) {
            int index = line.startsWith("[") ? Integer.parseInt(line.substring(1, line.indexOf(']'))) - 1 : 0;
            String claim = line.startsWith("[") ? line.substring(line.indexOf(']') + 2) : line;
            if (claim.startsWith("body: ")) {
                body.add(claim.substring(6));
            } else {
                check(mails, mails.get(index), claim);
            }
        }
        if (!body.isEmpty()) {
            assertEquals(body, Decks.lines(firstText(mails.get(0).content().root())));
        }
    }

    private static void check(List<MailObject> mails, MailObject mail, String claim) {
        String key = claim.substring(0, claim.indexOf(": "));
        String value = claim.substring(claim.indexOf(": ") + 2);
        switch (key) {
            case "messages" -> assertEquals(Integer.parseInt(value), mails.size());
            case "reverse-path" -> assertEquals(value, mail.envelope().reversePath().toString());
            case "forward-paths" -> assertEquals(value, mail.envelope().forwardPaths().stream()
                    .map(Object::toString).collect(Collectors.joining(", ")));
            case "structure" -> assertEquals(value, structure(mail.content().root()));
            case "no-header" -> assertFalse(mail.content().headers().contains(value), claim);
            default -> assertEquals(List.of(value), mail.content().headers().all(key), claim);
        }
    }

    private static String structure(MimePart part) {
        if (!part.isMultipart()) {
            return part.contentType().mediaType();
        }
        return part.contentType().mediaType() + "(" + part.children().stream().map(
                ControlStatementDocExamplesTest::structure).collect(Collectors.joining(", ")) + ")";
    }

    private static MimePart firstText(MimePart root) {
        return root.leaves().stream().filter(p -> p.contentType().mediaType().equals("text/plain")).findFirst()
                .orElseThrow();
    }

    /** Makes up the files the deck names: an RDW record for RECFM=VB, a short line otherwise. */
    private void makeFiles(List<String> deck) throws IOException {
        for (String line : deck) {
            String[] words = line.strip().split("\\s+");
            if (words.length > 1 && Set.of("ATTACH", "TEXTFILE", "HTMLFILE").contains(words[0].toUpperCase(
                    Locale.ROOT))) {
                Path file = dir.resolve(words[1].replace("'", ""));
                Files.createDirectories(file.getParent());
                Files.write(file, line.toUpperCase(Locale.ROOT).contains("RECFM=VB")
                        ? Decks.variable(Ccsid.of(37), "A;1", "B;2") : "sample line\n".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static List<Example> examples() throws IOException {
        List<String> lines = Files.readAllLines(DOC, StandardCharsets.UTF_8);
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).equals("```deck")) {
                int end = lines.subList(i + 1, lines.size()).indexOf("```") + i + 1;
                List<String> deck = lines.subList(i + 1, end);
                List<String> result = List.of();
                int next = end + 1;
                while (next < lines.size() && lines.get(next).isBlank()) {
                    next++;
                }
                if (next < lines.size() && lines.get(next).equals("```result")) {
                    int resultEnd = lines.subList(next + 1, lines.size()).indexOf("```") + next + 1;
                    result = lines.subList(next + 1, resultEnd);
                }
                out.add(new Example(i + 1, List.copyOf(deck), List.copyOf(result)));
                i = end;
            }
        }
        return out;
    }
}
