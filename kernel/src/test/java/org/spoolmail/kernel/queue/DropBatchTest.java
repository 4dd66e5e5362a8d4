package org.spoolmail.kernel.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.RecordFormat;

/** submit's group commit of drops, and the parallel fsync under it. */
class DropBatchTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC);
    private static final Submission SUBMISSION = new Submission("batch", true, Map.of("job-name", "NIGHTLY"),
            "batch.smtp", Optional.of("smtp-datastream"), Ccsid.of(819), RecordFormat.LF, 0);

    @TempDir
    Path dir;

    @Test
    void addShouldShowNoDropToTheServerWhenNotYetCommitted() throws Exception {
        DirectorySpool spool = DirectorySpool.open(dir.resolve("spool"), CLOCK);
        DropBatch batch = new DropBatch(spool.dropFolder(), Long.MAX_VALUE);
        batch.add(id(1), SUBMISSION, content(1));
        batch.add(id(2), SUBMISSION, content(2));

        assertEquals(List.of(), spool.pickup());
        assertEquals(2, hidden(spool.dropFolder()));
    }

    @Test
    void commitShouldQueueEveryDropWithItsOctetsWhenCommitted() throws Exception {
        DirectorySpool spool = DirectorySpool.open(dir.resolve("spool"), CLOCK);
        DropBatch batch = new DropBatch(spool.dropFolder(), Long.MAX_VALUE);
        for (int i = 1; i <= 3; i++) {
            batch.add(id(i), SUBMISSION, content(i));
        }
        batch.commit();

        assertEquals(List.of(id(1), id(2), id(3)), spool.pickup());
        assertEquals("MAIL FROM:<item2@example.com>\n", Files.readString(spool.dataFile(id(2)),
                StandardCharsets.US_ASCII));
        assertEquals(0, hidden(spool.dropFolder()));
    }

    @Test
    void addShouldPublishTheGroupWhenItHoldsFiveHundredTwelveDrops() throws Exception {
        DirectorySpool spool = DirectorySpool.open(dir.resolve("spool"), CLOCK);
        DropBatch batch = new DropBatch(spool.dropFolder(), Long.MAX_VALUE);
        for (int i = 1; i <= DropBatch.GROUP + 1; i++) {
            batch.add(id(i), SUBMISSION, content(i));
        }

        assertEquals(DropBatch.GROUP, SpoolFolders.names(spool.dropFolder()).size());
        assertEquals(1, hidden(spool.dropFolder()));
    }

    @Test
    void closeShouldRemoveTheUncommittedDropsWhenTheSubmitFailed() throws Exception {
        DirectorySpool spool = DirectorySpool.open(dir.resolve("spool"), CLOCK);
        DropBatch batch = new DropBatch(spool.dropFolder(), Long.MAX_VALUE);
        batch.add(id(1), SUBMISSION, content(1));
        batch.close();
        batch.commit();

        assertEquals(List.of(), spool.pickup());
        assertEquals(0, hidden(spool.dropFolder()));
    }

    @Test
    void forceAllShouldNameTheFileWhenOneCannotBeForced() throws Exception {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            files.add(Files.writeString(dir.resolve("f" + i), "x", StandardCharsets.US_ASCII));
        }
        files.set(17, dir.resolve("gone"));

        IOException e = assertThrows(IOException.class, () -> ParallelForce.forceAll(files));

        assertTrue(e.getMessage().startsWith("cannot force " + dir.resolve("gone") + " to disk"), e.getMessage());
    }

    private static String id(int n) {
        return String.format("20261204T100000-aaaaaa-%04d", n);
    }

    private static ByteArrayInputStream content(int n) {
        return new ByteArrayInputStream(("MAIL FROM:<item" + n + "@example.com>\n").getBytes(StandardCharsets.US_ASCII));
    }

    private static long hidden(Path folder) throws IOException {
        try (var s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().startsWith(".")).count();
        }
    }
}
