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

/** Reads delivered messages back with an independent MIME parser (Angus Mail). */
final class Messages {

    private Messages() {
    }

    static MimeMessage parse(Path eml) throws IOException, MessagingException {
        try (InputStream in = Files.newInputStream(eml)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        }
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
