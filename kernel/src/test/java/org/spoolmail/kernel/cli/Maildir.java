package org.spoolmail.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The test user's Maildir that Postfix's local(8) delivers into, and the messages in it for one recipient. Postfix
 * stores a message with LF line ends and prepends Return-Path, X-Original-To, Delivered-To and Received.
 */
final class Maildir {

    private static final long WAIT_MILLIS = 30_000;
    /** How long to keep looking after the first message came, to see that no second one follows. */
    private static final long SETTLE_MILLIS = 1_500;

    private final Path root;

    Maildir(Path root) {
        this.root = root;
    }

    boolean isReadable() {
        return Files.isReadable(root.resolve("new")) && Files.isExecutable(root.resolve("new"));
    }

    /**
     * Waits for the messages delivered to a recipient and asserts that there is exactly one; the file is removed.
     *
     * @param recipient the envelope recipient, as local(8) writes it into Delivered-To
     * @return the delivered message
     */
    Delivery takeOnly(String recipient) throws IOException, InterruptedException {
        List<Path> found = await(recipient);
        assertEquals(1, found.size(), "messages in " + root + " for " + recipient + ": " + found);
        Delivery delivery = new Delivery(Files.readAllBytes(found.get(0)));
        Files.delete(found.get(0));
        return delivery;
    }

    /**
     * @param recipient an envelope recipient
     * @return the messages delivered to it, after waiting a moment for late ones
     */
    List<Path> settled(String recipient) throws IOException, InterruptedException {
        Thread.sleep(SETTLE_MILLIS);
        return find(recipient);
    }

    private List<Path> await(String recipient) throws IOException, InterruptedException {
        long end = System.currentTimeMillis() + WAIT_MILLIS;
        while (find(recipient).isEmpty() && System.currentTimeMillis() < end) {
            Thread.sleep(100);
        }
        return settled(recipient);
    }

    private List<Path> find(String recipient) throws IOException {
        byte[] marker = ("\nDelivered-To: " + recipient + "\n").getBytes(StandardCharsets.US_ASCII);
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(root.resolve("new"))) {
            for (Path file : files.sorted().toList()) {
                if (Delivery.indexOf(Files.readAllBytes(file), marker, 0) >= 0) {
                    found.add(file);
                }
            }
        }
        return found;
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
