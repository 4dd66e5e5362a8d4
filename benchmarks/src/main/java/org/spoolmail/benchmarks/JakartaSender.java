package org.spoolmail.benchmarks;

import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * The peer: a Jakarta Mail (Angus) program at its best for throughput, one connected Transport per thread reused
 * for every message (Angus has no PIPELINING).
 */
final class JakartaSender {

    private final int port;
    private final String text;

    JakartaSender(int port, int size) {
        this.port = port;
        StringBuilder body = new StringBuilder();
        while (body.length() + 74 <= size) {
            body.append("0123456789".repeat(7)).append("abcd\r\n");
        }
        this.text = body.toString();
    }

    double send(int messages, int threads) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(port));
        props.put("mail.smtp.localhost", "bench.example.org");
        Session session = Session.getInstance(props);
        return Parallel.run(messages, threads, count -> {
            MimeMessage m = new MimeMessage(session);
            m.setFrom(new InternetAddress("batch@example.com"));
            m.setRecipient(Message.RecipientType.TO, new InternetAddress("ops@example.com"));
            m.setSubject("nightly report");
            m.setText(text, "us-ascii");
            m.saveChanges();
            try (Transport t = session.getTransport("smtp")) {
                t.connect();
                for (int i = 0; i < count; i++) {
                    t.sendMessage(m, m.getAllRecipients());
                }
            }
        });
    }
}
