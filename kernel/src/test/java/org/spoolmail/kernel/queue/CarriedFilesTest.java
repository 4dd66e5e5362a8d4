package org.spoolmail.kernel.queue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.ContentHandle;
import org.spoolmail.exits.mail.Identity;
import org.spoolmail.exits.mail.InputFiles;
import org.spoolmail.exits.mail.MailInput;
import org.spoolmail.exits.mail.RecordFormat;

/**
 * Files a deck names travel inside the drop: captured once at submission ({@link FileCapture}), listed with length
 * and SHA-256, checked at pickup, and the only files the server's parse can open ({@link CarriedInput}).
 */
class CarriedFilesTest {

    private static final String ID = "20261204T100000-aaaaaa-0001";
    private static final String SHA_OF_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @TempDir
    Path dir;
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void pickupShouldKeepCapturedOctetsWhenTheFileChangesAfterSubmission() throws Exception {
        DirectorySpool spool = DirectorySpool.open(dir.resolve("spool"), clock);
        Path att = Files.writeString(dir.resolve("att.txt"), "abc", StandardCharsets.US_ASCII);
        FileCapture files = new FileCapture(InputFiles.in(dir));
        files.open("att.txt");
        new DropWriter(spool.dropFolder(), Long.MAX_VALUE).write(ID, submission(), ItemState.INCOMING,
                Optional.empty(), ContentHandle.ofBytes(deck()), files);
        Files.writeString(att, "changed after submission", StandardCharsets.US_ASCII);

        assertEquals(List.of(ID), spool.pickup());
        QueueItem item = spool.claim(clock.instant()).orElseThrow();
        assertEquals(List.of(new CarriedFile("att.txt", att.toString(), 3, SHA_OF_ABC)), item.submission().files());
        MailInput input = CarriedInput.of(item.submission(), spool.content(ID), Identity.of("a", "sys", "x"));
        assertArrayEquals(deck(), input.data().readAllBytes());
        InputFiles.Opened carried = input.files().open("att.txt");
        assertEquals(att.toString(), carried.path());
        assertEquals("abc", new String(carried.content().readAllBytes(), StandardCharsets.US_ASCII));
    }

    @Test
    void carriedInputShouldRefuseEveryPathTheItemDoesNotCarryWhenTheServerParses() throws Exception {
        Submission s = submission().carrying(List.of(new CarriedFile("att.txt", "/u/a/att.txt", 3, SHA_OF_ABC)));
        byte[] item = (new String(deck(), StandardCharsets.US_ASCII) + "abc").getBytes(StandardCharsets.US_ASCII);
        MailInput input = CarriedInput.of(s, ContentHandle.ofBytes(item), Identity.of("a", "sys", "x"));

        IOException e = assertThrows(IOException.class, () -> input.files().open("/etc/shadow"));

        assertEquals("file /etc/shadow is not carried in this spool item: the spool server reads only the files"
                + " captured with the submitter's rights at submission, never a path the item names", e.getMessage());
        assertThrows(IOException.class, () -> input.files().open("/u/a/att.txt"));
    }

    @Test
    void pickupShouldHoldTheDropWithItsReasonWhenACarriedFileDoesNotMatchItsSha256() throws Exception {
        DirectorySpool spool = DirectorySpool.open(dir.resolve("spool"), clock);
        Files.writeString(spool.dropFolder().resolve(ID), "spoolmail-drop: 1\norigin: x\nformat: control-statements\n"
                + "ccsid: 1208\nrecords: lf\nindex: 0\nfile.1: a.txt\nfile.1.path: /u/a.txt\nfile.1.octets: 3\n"
                + "file.1.sha256: " + SHA_OF_ABC + "\n\nATTACH a.txt TEXT\nabd", StandardCharsets.US_ASCII);

        spool.pickup();

        QueueItem held = spool.show(ID).orElseThrow();
        assertEquals(ItemState.HELD, held.state());
        assertEquals(Optional.of("bad spool file: carried file /u/a.txt does not match the sha256 its header lists"),
                held.reason());
    }

    @Test
    void writeShouldRefuseTheDropAndLeaveNothingWhenItWouldExceedTheLimit() throws Exception {
        DirectorySpool spool = DirectorySpool.open(dir.resolve("spool"), clock);
        Files.write(dir.resolve("big.bin"), new byte[2000]);
        FileCapture files = new FileCapture(InputFiles.in(dir));
        files.open("big.bin");

        DropTooLargeException e = assertThrows(DropTooLargeException.class, () -> new DropWriter(
                spool.dropFolder(), 1024).write(ID, submission(), ItemState.INCOMING, Optional.empty(),
                ContentHandle.ofBytes(deck()), files));

        assertEquals("deck.txt with the files it names makes a drop of more than 1024 octets, the spool's"
                + " max-drop-size (spool.max-drop-size in pipeline.yaml)", e.getMessage());
        assertEquals(List.of(), SpoolFolders.names(spool.dropFolder()));
    }

    private static Submission submission() {
        return new Submission("a", true, Map.of(), "deck.txt", Optional.of("control-statements"), Ccsid.UTF_8,
                RecordFormat.LF, 0);
    }

    private static byte[] deck() {
        return "FROM a@example.com\nTO b@example.com\nATTACH att.txt TEXT\n".getBytes(StandardCharsets.US_ASCII);
    }
}
