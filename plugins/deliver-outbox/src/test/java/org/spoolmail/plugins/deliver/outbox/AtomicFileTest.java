package org.spoolmail.plugins.deliver.outbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    @TempDir
    Path dir;

    @Test
    void writeShouldLeaveOnlyTheTargetWhenContentIsWritten() throws IOException {
        Path target = dir.resolve("A1.eml");

        long octets = AtomicFile.write(target, out -> out.write("abc\r\n".getBytes(StandardCharsets.US_ASCII)));

        assertEquals(5, octets);
        assertArrayEquals("abc\r\n".getBytes(StandardCharsets.US_ASCII), Files.readAllBytes(target));
        assertEquals(List.of("A1.eml"), names());
    }

    @Test
    void writeShouldKeepOldTargetAndRemoveTempWhenContentFails() throws IOException {
        Path target = dir.resolve("A1.eml");
        Files.writeString(target, "old", StandardCharsets.US_ASCII);

        IOException e = assertThrows(IOException.class, () -> AtomicFile.write(target, out -> {
            out.write("half".getBytes(StandardCharsets.US_ASCII));
            throw new IOException("disk full");
        }));

        assertEquals("disk full", e.getMessage());
        assertEquals("old", Files.readString(target, StandardCharsets.US_ASCII));
        assertEquals(List.of("A1.eml"), names());
    }

    @Test
    void writeShouldReplaceTargetWhenItExists() throws IOException {
        Path target = dir.resolve("A1.eml");
        Files.writeString(target, "old", StandardCharsets.US_ASCII);

        AtomicFile.write(target, out -> out.write('n'));

        assertEquals("n", Files.readString(target, StandardCharsets.US_ASCII));
        assertEquals(List.of("A1.eml"), names());
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
