package org.spoolmail.plugins.mime.encode;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.spoolmail.exits.mail.HeaderSection;
import org.spoolmail.exits.mail.Mailbox;
import org.spoolmail.exits.mail.ReversePath;

/**
 * Adds the header fields every message sent needs and batch jobs often leave out: MIME-Version, From (RFC 5322
 * section 3.6 requires it: taken from the reverse-path and noted, as sendmail and Postfix's cleanup do), Date (RFC
 * 5322 section 3.3) and Message-ID, and removes Bcc and Resent-Bcc ({@link BlindCopies}). Other fields the message has
 * are kept as written; a Date that is not in the RFC 5322
 * section 3.3 form (a 2-digit year, a zone name) is kept verbatim and named in the trace. Thread-safe.
 */
final class HeaderCompletion {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss xx",
            Locale.ENGLISH);
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final ZoneId zone;
    private final Optional<String> domain;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param zone the zone an added Date is written in
     * @param domain the right-hand side of an added Message-ID; empty to take the reverse-path's domain
     */
    HeaderCompletion(ZoneId zone, Optional<String> domain) {
        this.zone = zone;
        this.domain = domain;
    }

    /**
     * The completed header section and what was done to it.
     *
     * @param headers the header fields
     * @param added the names of the fields added, in order
     * @param notes remarks for the trace
     */
    record Result(HeaderSection headers, List<String> added, List<String> notes) {

        /** @return e.g. {@code added MIME-Version, Date, Message-ID} */
        String summary() {
            String text = added.isEmpty() ? "added nothing" : "added " + String.join(", ", added);
            return notes.isEmpty() ? text : text + "; " + String.join("; ", notes);
        }
    }

    Result complete(HeaderSection headers, ReversePath reversePath, Instant now) {
        HeaderSection out = BlindCopies.strip(headers);
        List<String> added = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        BlindCopies.note(headers).ifPresent(notes::add);
        if (!out.contains("MIME-Version")) {
            out = out.with("MIME-Version", "1.0");
            added.add("MIME-Version");
        }
        if (!out.contains("From")) {
            String author = author(reversePath);
            out = out.with("From", author);
            added.add("From");
            notes.add("From " + author + " taken from the reverse-path " + reversePath
                    + " (the message had none; RFC 5322 section 3.6 requires one)");
        }
        Optional<String> date = out.first("Date");
        if (date.isEmpty()) {
            out = out.with("Date", DATE.format(now.atZone(zone)));
            added.add("Date");
        } else if (!isRfc5322Date(date.get())) {
            notes.add("Date '" + date.get() + "' uses the obsolete syntax of RFC 5322 section 4.3 (or none), kept verbatim");
        }
        if (!out.contains("Message-ID")) {
            out = out.with("Message-ID", messageId(reversePath, now));
            added.add("Message-ID");
        }
        return new Result(out, added, notes);
    }

    /**
     * The author of a message that names none, as sendmail and Postfix's cleanup write it: the reverse-path's
     * mailbox, or for the null reverse-path MAILER-DAEMON at the Message-ID domain.
     */
    private String author(ReversePath reversePath) {
        return reversePath.mailbox().map(Mailbox::toString)
                .orElseGet(() -> "MAILER-DAEMON@" + domain.orElse("localhost"));
    }

    /** The unique part goes left of the '@' (APAR PH45473): time stamp and 64 random bits. */
    String messageId(ReversePath reversePath, Instant now) {
        byte[] unique = new byte[8];
        random.nextBytes(unique);
        String right = domain.orElseGet(() -> reversePath.mailbox().map(Mailbox::domain).orElse("localhost"));
        return "<" + ID_TIME.format(now) + "." + HexFormat.of().formatHex(unique) + "@" + right + ">";
    }

    static boolean isRfc5322Date(String value) {
        String text = value.strip();
        if (text.endsWith(")") && text.lastIndexOf('(') > 0) {
            text = text.substring(0, text.lastIndexOf('(')).strip();
        }
        try {
            DateTimeFormatter.RFC_1123_DATE_TIME.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
