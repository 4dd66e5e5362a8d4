package org.spoolmail.plugins.parse.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.mail.ContentHandle;
import org.spoolmail.exits.mail.InputFiles;
import org.spoolmail.exits.mail.MailInput;
import org.spoolmail.exits.mail.MimePart;
import org.spoolmail.exits.mail.PartBody;

/**
 * ATTACH, TEXTFILE and HTMLFILE open their files only through the input's {@link InputFiles}, never by path: what
 * the spool server relies on to read only the octets an item carries (issue 8, the privilege escalation through
 * {@code TEXTFILE /etc/shadow}).
 */
class ControlStatementFilesTest {

    @TempDir
    Path dir;

    @Test
    void parseShouldTakeEveryFileFromTheInputFilesWhenTheDeckNamesPathsThatExistOnDisk() throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "ON DISK\n", StandardCharsets.UTF_8);
        List<String> asked = new ArrayList<>();
        Map<String, String> carried = Map.of("secret.txt", "CARRIED BINARY", "/etc/shadow", "CARRIED TEXT\n");
        InputFiles files = written -> {
            asked.add(written);
            return new InputFiles.Opened("/captured/" + written.replace('/', '_'),
                    ContentHandle.ofBytes(carried.get(written).getBytes(StandardCharsets.UTF_8)));
        };
        MailInput input = Decks.ascii(dir.resolve("deck.txt"), "FROM a@example.com", "TO b@example.com",
                "TEXTFILE /etc/shadow", "ATTACH secret.txt BINARY").withFiles(files);

        MimePart root = Decks.parser(dir).parse(input).get(0).content().root();

        assertEquals(List.of("/etc/shadow", "secret.txt"), asked);
        assertEquals(List.of("CARRIED TEXT"), Decks.lines(root.children().get(0)));
        MimePart attachment = root.children().get(1);
        assertArrayEquals("CARRIED BINARY".getBytes(StandardCharsets.UTF_8),
                ((PartBody.Binary) attachment.body().orElseThrow()).content().readAllBytes());
        assertEquals("attachment; filename=\"secret.txt\"", attachment.headers().first("Content-Disposition")
                .orElseThrow());
    }

    @Test
    void parseShouldRefuseTheDeckNamingTheRecordWhenTheInputFilesHaveNoSuchFile() throws Exception {
        Path shadowLike = dir.resolve("readable.txt");
        Files.writeString(shadowLike, "readable by this process\n", StandardCharsets.UTF_8);
        Path deck = dir.resolve("deck.txt");
        MailInput input = Decks.ascii(deck, "FROM a@example.com", "TO b@example.com", "TEXTFILE " + shadowLike)
                .withFiles(InputFiles.none("is not carried in this spool item"));

        PermanentStageException e = assertThrows(PermanentStageException.class,
                () -> Decks.parser(dir).parse(input));

        assertEquals(deck + " record 3: TEXTFILE: file " + shadowLike + " is not carried in this spool item",
                e.getMessage());
    }

    @Test
    void parseShouldResolveRelativePathsAgainstTheWorkingFolderWhenTheDeckComesFromStdin() throws IOException,
            Exception {
        Path here = Path.of("").toAbsolutePath();
        InputFiles.Opened pom = InputFiles.beside("stdin").open("pom.xml");

        assertEquals(here.resolve("pom.xml").toString(), pom.path());
        assertEquals(Files.size(here.resolve("pom.xml")), pom.content().sizeOctets());
    }
}
