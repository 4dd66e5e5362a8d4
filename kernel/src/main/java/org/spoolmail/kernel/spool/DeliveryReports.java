package org.spoolmail.kernel.spool;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.HeaderField;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.RecordFormat;
import org.spoolmail.kernel.config.SpoolConfig;
import org.spoolmail.kernel.pipeline.QueueIds;
import org.spoolmail.kernel.queue.ItemState;
import org.spoolmail.kernel.queue.QueueItem;
import org.spoolmail.kernel.queue.RecipientState;
import org.spoolmail.kernel.queue.SpoolQueue;
import org.spoolmail.kernel.queue.Submission;

/**
 * Tells a sender about the recipients the spool gave up on with a delivery status notification (RFC 3464): a
 * multipart/report; report-type=delivery-status of a text part for people, a message/delivery-status part (one
 * Final-Recipient, Action: failed, Status and Diagnostic-Code block per recipient, RFC 3464 2.3) and the original's
 * header section as text/rfc822-headers. The report is queued as a new item from the null reverse-path, so it goes
 * through the pipeline and the relay like any mail and can never cause another report (RFC 5321 4.5.5); the mail
 * administrators get a copy as further recipients. A report for mail from the null reverse-path has nobody to go to:
 * it is written to the dead-letter folder instead (and still copied to the administrators).
 */
public final class DeliveryReports implements Undeliverable {

    private static final DateTimeFormatter DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final SpoolQueue queue;
    private final SpoolConfig config;
    private final Clock clock;
    private final String systemName;
    private final String serviceAccount;
    private final QueueIds ids;
    private final ItemLog log;

    /**
     * @param queue where reports are queued
     * @param config the spool settings: mail administrators, dead-letter folder
     * @param clock the clock of the report's dates
     * @param systemName the reporting system, named in Reporting-MTA and the From address
     * @param serviceAccount the account the server runs as: the established submitter of its reports
     * @param log where a line about each report goes
     */
    public DeliveryReports(SpoolQueue queue, SpoolConfig config, Clock clock, String systemName,
            String serviceAccount, ItemLog log) {
        this.queue = queue;
        this.config = config;
        this.clock = clock;
        this.systemName = systemName;
        this.serviceAccount = serviceAccount;
        this.ids = new QueueIds(clock);
        this.log = log;
    }

    @Override
    public void report(QueueItem item, MailObject mail, List<RecipientState> failed, boolean expired) {
        String reversePath = mail.envelope().reversePath().toString();
        boolean nullPath = mail.envelope().reversePath().isNullPath();
        List<String> to = new java.util.ArrayList<>();
        if (!nullPath) {
            to.add(reversePath);
        }
        config.mailAdministrators().forEach(a -> to.add("<" + a + ">"));
        String message = message(item, mail, failed, expired, nullPath ? "postmaster" : reversePath);
        try {
            String id = ids.next();
            if (nullPath) {
                Path dead = config.deadLetter();
                org.spoolmail.kernel.pipeline.OwnerOnly.createFolders(dead);
                java.nio.file.Files.writeString(dead.resolve(item.id() + ".eml"), message.replace("\n", "\r\n"),
                        StandardCharsets.UTF_8);
                log.line(item.id() + " report to the null reverse-path written to " + dead.resolve(item.id()
                        + ".eml"));
            }
            if (to.isEmpty()) {
                return;
            }
            queue.submit(id, new Submission(serviceAccount, true, Map.of(), "delivery report for " + item.id(),
                    Optional.of("smtp-datastream"), Ccsid.UTF_8, RecordFormat.LF, 0),
                    new ByteArrayInputStream(datastream(to, message).getBytes(StandardCharsets.UTF_8)),
                    ItemState.INCOMING, Optional.empty());
            log.line(item.id() + " delivery report " + id + " queued to " + String.join(" ", to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String message(QueueItem item, MailObject mail, List<RecipientState> failed, boolean expired,
            String to) {
        String boundary = "report-" + UUID.randomUUID();
        Instant now = clock.instant();
        StringBuilder b = new StringBuilder(2048);
        b.append("From: Mail Delivery System <MAILER-DAEMON@").append(systemName).append(">\n");
        b.append("To: ").append(to).append('\n');
        b.append("Subject: Undelivered Mail Returned to Sender\n");
        b.append("Date: ").append(DATE.format(now)).append('\n');
        b.append("Auto-Submitted: auto-replied\n");
        b.append("MIME-Version: 1.0\n");
        b.append("Content-Type: multipart/report; report-type=delivery-status; boundary=\"").append(boundary)
                .append("\"\n\n");
        b.append("--").append(boundary).append("\nContent-Type: text/plain; charset=us-ascii\n\n");
        b.append("This is the spoolmail spool server on ").append(systemName).append(".\n\n");
        b.append(expired ? "Your message (queue ID " + item.id() + ") could not be delivered within "
                + config.maxAge().toHours() + " hours to:\n" : "Your message (queue ID " + item.id()
                + ") was refused for:\n");
        failed.forEach(r -> b.append("  ").append(ascii(r.forwardPath())).append(": ")
                .append(ascii(r.reply().orElse("no reply"))).append('\n'));
        b.append("\n--").append(boundary).append("\nContent-Type: message/delivery-status\n\n");
        b.append("Reporting-MTA: dns; ").append(systemName).append('\n');
        b.append("X-Spoolmail-Queue-ID: ").append(item.id()).append('\n');
        b.append("Arrival-Date: ").append(DATE.format(item.created())).append('\n');
        for (RecipientState r : failed) {
            b.append('\n');
            b.append("Final-Recipient: rfc822; ").append(ascii(unbracketed(r.forwardPath()))).append('\n');
            b.append("Action: failed\n");
            b.append("Status: ").append(status(r, expired)).append('\n');
            r.reply().filter(t -> t.matches("[245]\\d\\d( .*)?")).ifPresent(t -> b.append("Diagnostic-Code: smtp; ")
                    .append(ascii(t)).append('\n'));
            item.lastAttempt().ifPresent(t -> b.append("Last-Attempt-Date: ").append(DATE.format(t)).append('\n'));
        }
        b.append("\n--").append(boundary).append("\nContent-Type: text/rfc822-headers\n\n");
        for (HeaderField f : mail.content().headers().fields()) {
            b.append(ascii(f.name())).append(": ").append(ascii(f.body())).append('\n');
        }
        b.append("\n--").append(boundary).append("--\n");
        return b.toString();
    }

    /** RFC 3463: the relay's enhanced status when it gave one, else 5.0.0 (refused) or 4.4.7 (expired). */
    private static String status(RecipientState r, boolean expired) {
        Optional<String> enhanced = r.reply().map(t -> t.split(" ")).filter(w -> w.length > 1
                && w[1].matches("[245]\\.\\d{1,3}\\.\\d{1,3}")).map(w -> w[1]);
        return enhanced.orElse(expired ? "4.4.7" : "5.0.0");
    }

    private static String unbracketed(String path) {
        return path.startsWith("<") && path.endsWith(">") ? path.substring(1, path.length() - 1) : path;
    }

    /** The report is plain ASCII: anything else (a non-ASCII reply, a header) shows as '?'; lines stay lines. */
    private static String ascii(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(c -> b.append(c >= 0x20 && c < 0x7F ? (char) c : '?'));
        return b.toString();
    }

    private static String datastream(List<String> to, String message) {
        StringBuilder b = new StringBuilder("MAIL FROM:<>\n");
        to.forEach(t -> b.append("RCPT TO:").append(t).append('\n'));
        b.append("DATA\n");
        for (String line : message.split("\n", -1)) {
            b.append(line.startsWith(".") ? "." : "").append(line).append('\n');
        }
        return b.append(".\nQUIT\n").toString();
    }
}
