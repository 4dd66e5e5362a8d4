package org.spoolmail.kernel.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * Reads delivered messages back with independent MIME parsers: every message is read by Angus Mail and by Apache
 * mime4j, which must agree part by part ({@link ParsedMail#of}); the tests then look at Angus Mail's reading.
 */
final class Messages {

    private Messages() {
    }

    static MimeMessage parse(Path eml) throws Exception {
        ParsedMail.of(Files.readAllBytes(eml));
        return parseWithAngusOnly(eml);
    }

    /**
     * Reads with Angus Mail alone, for a message whose address fields no strict parser accepts (the corpus's
     * {@code TO: plan advisor}, a phrase without an address, is passed on as the job wrote it).
     */
    static MimeMessage parseWithAngusOnly(Path eml) throws IOException, MessagingException {
        try (InputStream in = Files.newInputStream(eml)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        }
    }

    /** Checks that mime4j reads a received message as Angus Mail does. */
    static MimeMessage crossChecked(MimeMessage received) throws Exception {
        java.io.ByteArrayOutputStream wire = new java.io.ByteArrayOutputStream();
        received.writeTo(wire);
        ParsedMail.of(wire.toByteArray());
        return received;
    }

    /** The decoded text of the first text/plain part, split into lines without line ends. */
    static List<String> textLines(Part message) throws IOException, MessagingException {
        String text = firstText(message);
        return text == null ? List.of() : List.of(text.split("\r\n", -1));
    }

    /** Every leaf part, depth first. */
    static List<Part> leaves(Part part) throws IOException, MessagingException {
        List<Part> leaves = new ArrayList<>();
        if (part.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) part.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart child = mp.getBodyPart(i);
                leaves.addAll(leaves(child));
            }
        } else {
            leaves.add(part);
        }
        return leaves;
    }

    private static String firstText(Part part) throws IOException, MessagingException {
        for (Part leaf : leaves(part)) {
            if (leaf.isMimeType("text/plain")) {
                return (String) leaf.getContent();
            }
        }
        return null;
    }
}
