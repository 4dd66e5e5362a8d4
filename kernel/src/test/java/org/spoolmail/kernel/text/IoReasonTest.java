package org.spoolmail.kernel.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IoReasonTest {

    @TempDir
    Path dir;

    @Test
    void withFileShouldNameFileAndReasonWithoutTheJavaClassName() {
        assertEquals("/spool/queue/pickup: permission denied",
                IoReason.withFile(new AccessDeniedException("/spool/queue/pickup")));
        assertEquals("/spool/queue/data/x: no such file", IoReason.withFile(new NoSuchFileException(
                "/spool/queue/data/x")));
        assertEquals("/a -> /b: Device or resource busy", IoReason.withFile(new FileSystemException("/a", "/b",
                "Device or resource busy")));
    }

    @Test
    void ofShouldGiveOwnMessagesAsTheyAreAndTheClassOnlyWhenThereIsNoMessage() {
        assertEquals("audit file /x is a symbolic link", IoReason.of(new IOException("audit file /x is a symbolic link")));
        assertEquals("EOFException", IoReason.of(new java.io.EOFException()));
    }

    @Test
    void withFileShouldGiveTheOperatingSystemsReasonOfARealFailure() throws IOException {
        Path file = Files.writeString(dir.resolve("plain"), "x");
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> Files.createDirectory(file.resolve("below")));

        assertEquals(file.resolve("below") + ": Not a directory", IoReason.withFile(e));
    }
}
