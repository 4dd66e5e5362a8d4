package org.spoolmail.exits.mail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file handle reads the file it opened, not whatever the name denotes later, and refuses what is not a regular
 * file: a FIFO (made with mkfifo, as an attacker would) blocked open(2) forever. Each test fails after 10 seconds
 * instead of hanging when that protection is missing.
 */
@EnabledOnOs(OS.LINUX)
class ContentHandleFileTest {

    @Test
    void skipShouldMoveWithoutReadingAndLeaveTheShrinkToTheNextReadWhenTheFileShrank() throws Exception {
        Path file = Files.writeString(dir.resolve("batch.smtp"), "0123456789".repeat(1000), StandardCharsets.US_ASCII);
        ContentHandle handle = ContentHandle.ofFile(file);
        InputStream in = handle.open();
        assertEquals(5003, in.skip(5003));
        assertEquals('3', in.read());
        try (var c = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
            c.truncate(100);
        }

        assertEquals(4000, in.skip(4000)); // InputStream's own skip read the file, and failed here
        assertEquals(996, in.skip(5000));
        EOFException e = assertThrows(EOFException.class, () -> handle.open().readAllBytes());
        assertEquals(file + " became shorter while it was being read: it held 10000 octets when opened, 100 now",
                e.getMessage());
    }

    private static final Duration LIMIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void ofFileShouldRefuseAFifoWhenGivenOneAsTheFile() throws Exception {
        Path fifo = fifo(dir.resolve("input.smtp"));

        IOException e = assertTimeoutPreemptively(LIMIT,
                () -> assertThrows(IOException.class, () -> ContentHandle.ofFile(fifo)));

        assertEquals(fifo + " is not a regular file (a FIFO, device or socket, whose reads could wait forever):"
                + " refusing to read it", e.getMessage());
    }

    @Test
    void skipShouldMoveWithoutReadingWhenStreamSkipsTowardsTheEnd() throws Exception {
        // A datastream is sliced into items by skipping to each one's offset: a skip that read (InputStream's own)
        // made slicing quadratic. 64 GiB of sparse zeros take minutes to read and no time to skip.
        Path file = dir.resolve("sparse.bin");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(64L << 30);
            f.seek((64L << 30) - 4);
            f.write("LAST".getBytes(StandardCharsets.US_ASCII));
        }
        ContentHandle handle = ContentHandle.ofFile(file);

        byte[] tail = assertTimeoutPreemptively(LIMIT, () -> {
            try (InputStream in = handle.open()) {
                in.skipNBytes((64L << 30) - 4);
                return in.readAllBytes();
            }
        });

        assertArrayEquals("LAST".getBytes(StandardCharsets.US_ASCII), tail);
    }

    @Test
    void openShouldReadTheOriginalContentWhenTheFileIsSwappedForAFifoAfterParsing() throws Exception {
        Path file = Files.writeString(dir.resolve("totals.bin"), "PAYROLL TOTALS", StandardCharsets.US_ASCII);
        ContentHandle handle = ContentHandle.ofFile(file);
        Files.delete(file);
        fifo(file);

        byte[] read = assertTimeoutPreemptively(LIMIT, handle::readAllBytes);

        assertArrayEquals("PAYROLL TOTALS".getBytes(StandardCharsets.US_ASCII), read);
        assertEquals(14, handle.sizeOctets());
    }

    @Test
    void openShouldReadTheOriginalContentWhenTheFileIsReplacedByAnotherAfterParsing() throws Exception {
        Path file = Files.writeString(dir.resolve("totals.txt"), "checked text", StandardCharsets.US_ASCII);
        ContentHandle handle = ContentHandle.ofFile(file);
        Files.move(Files.writeString(dir.resolve("other"), "/etc/shadow contents", StandardCharsets.US_ASCII), file,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertEquals("checked text", new String(handle.readAllBytes(), StandardCharsets.US_ASCII));
    }

    @Test
    void openShouldFailWhenTheOpenedFileBecomesShorterThanItWasWhenOpened() throws Exception {
        Path file = Files.writeString(dir.resolve("shrinks.bin"), "0123456789", StandardCharsets.US_ASCII);
        ContentHandle handle = ContentHandle.ofFile(file);
        try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(4);
        }

        EOFException e = assertThrows(EOFException.class, handle::readAllBytes);

        assertEquals(file + " became shorter while it was being read: it held 10 octets when opened, 4 now",
                e.getMessage());
    }

    @Test
    void openRegularShouldRefuseAFifoWhenGivenOne() throws Exception {
        Path fifo = fifo(dir.resolve("notes.txt"));

        IOException e = assertTimeoutPreemptively(LIMIT, () -> assertThrows(IOException.class, () -> {
            try (InputStream in = ContentHandle.openRegular(fifo)) {
                in.read();
            }
        }));

        assertEquals(fifo + " is not a regular file (a FIFO, device or socket, whose reads could wait forever):"
                + " refusing to read it", e.getMessage());
    }

    static Path fifo(Path path) throws IOException, InterruptedException {
        Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assertEquals(0, mkfifo.waitFor());
        return path;
    }
}
