package org.spoolmail.kernel.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.RecordFormat;

/** The directory spool against the contract, plus what only a folder has: drops, their owners, links. */
class DirectorySpoolTest extends SpoolQueueContract {

    @TempDir
    Path dir;

    @Override
    protected SpoolQueue open(Clock clock) throws Exception {
        return DirectorySpool.open(dir.resolve("spool"), clock);
    }

    private DirectorySpool spool() throws Exception {
        return DirectorySpool.open(dir.resolve("spool"), clock);
    }

    @Test
    void pickupShouldTakeDropWithItsOwnerAndClaimsAndRemoveItWhenWrittenBySubmit() throws Exception {
        DirectorySpool spool = spool();
        Submission claimed = new Submission("forged-user", true, Map.of("job-name", "PAYROLL"), "pay.smtp",
                Optional.of("smtp-datastream"), Ccsid.of(1047), RecordFormat.fixed(80), 0);
        new DropWriter(spool.dropFolder(), Long.MAX_VALUE).write("20261204T100000-aaaaaa-0001", claimed,
                new ByteArrayInputStream("MAIL FROM:<a@b>\n".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(List.of("20261204T100000-aaaaaa-0001"), spool.pickup());
        QueueItem item = spool.claim(clock.instant()).orElseThrow();
        String owner = Files.getOwner(dir).getName();
        assertEquals(owner, item.submission().submitter());
        assertTrue(item.submission().established());
        assertEquals(Map.of("job-name", "PAYROLL"), item.submission().claims());
        assertEquals(RecordFormat.fixed(80), item.submission().records());
        assertEquals(1047, item.submission().ccsid().number());
        assertEquals(List.of(), SpoolFolders.names(spool.dropFolder()));
        assertEquals("MAIL FROM:<a@b>\n", Files.readString(spool.dataFile(item.id()), StandardCharsets.US_ASCII));
    }

    @Test
    void pickupShouldRefuseSymbolicLinkWhenDropped() throws Exception {
        DirectorySpool spool = spool();
        Path secret = Files.writeString(dir.resolve("secret"), "not yours", StandardCharsets.US_ASCII);
        Files.createSymbolicLink(spool.dropFolder().resolve("20261204T100000-aaaaaa-0001"), secret);
        assertEquals(List.of(), spool.pickup());
        assertEquals(1, spool.pickupProblems().size());
        assertTrue(spool.pickupProblems().get(0).contains("a symbolic link"), spool.pickupProblems().toString());
        assertEquals(List.of(), spool.list());
    }

    @Test
    void pickupShouldRefuseHardLinkWhenDropped() throws Exception {
        DirectorySpool spool = spool();
        Path other = Files.writeString(dir.resolve("other"), "spoolmail-drop: 1\n", StandardCharsets.US_ASCII);
        Files.createLink(spool.dropFolder().resolve("20261204T100000-aaaaaa-0001"), other);
        assertEquals(List.of(), spool.pickup());
        assertTrue(spool.pickupProblems().get(0).contains("a file with 2 names (hard links)"),
                spool.pickupProblems().toString());
    }

    @Test
    void pickupShouldHoldDropWithReasonWhenItIsNotADropFile() throws Exception {
        DirectorySpool spool = spool();
        Files.writeString(spool.dropFolder().resolve("job42.txt"), "HELO x\nMAIL FROM:<a@b>\n",
                StandardCharsets.US_ASCII);
        List<String> taken = spool.pickup();
        assertEquals(1, taken.size());
        QueueItem held = spool.show(taken.get(0)).orElseThrow();
        assertEquals(ItemState.HELD, held.state());
        assertEquals(Optional.of("bad spool file: not a spoolmail drop file (no 'spoolmail-drop: 1' header)"),
                held.reason());
    }

    @Test
    void dropFolderShouldBeSetgidStickyAndWritableByAllWhenCreated() throws Exception {
        DirectorySpool spool = spool();
        assertEquals(03733, ((Number) Files.getAttribute(spool.dropFolder(), "unix:mode")).intValue() & 07777);
        assertEquals(0700, ((Number) Files.getAttribute(dir.resolve("spool/queue"), "unix:mode")).intValue()
                & 07777);
    }
}
