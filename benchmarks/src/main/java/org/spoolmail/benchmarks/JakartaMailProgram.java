package org.spoolmail.benchmarks;

import java.io.File;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * The peer program for the memory and start-up figures, run in its own JVM as a job would run it: a bare Jakarta
 * Mail (Angus) program that sends one message, the text of {@link SpoolmailRun#TEXT} and, when a file is given, that
 * file as a {@code MimeBodyPart} over a {@code FileDataSource} (base64, as Angus chooses for binary content).
 *
 * <p>Usage: {@code java -cp ... org.spoolmail.benchmarks.JakartaMailProgram port [file]}.
 */
public final class JakartaMailProgram {

    private JakartaMailProgram() {
    }

    public static void main(String[] args) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", args[0]);
        props.put("mail.smtp.localhost", "bench.example.org");
        Session session = Session.getInstance(props);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("batch@example.com"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("ops@example.com"));
        message.setSubject(SpoolmailRun.SUBJECT);
        if (args.length > 1) {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(SpoolmailRun.TEXT + "\r\n", "us-ascii");
            MimeBodyPart file = new MimeBodyPart();
            file.attachFile(new File(args[1]), "application/octet-stream", "base64");
            message.setContent(new MimeMultipart(text, file));
        } else {
            message.setText(SpoolmailRun.TEXT + "\r\n", "us-ascii");
        }
        Transport.send(message);
    }
}
