package org.spoolmail.plugins.deliver.smtp;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.spoolmail.exits.mail.SmtpReply;

/**
 * One reply as the relay sent it (RFC 5321 section 4.2): the code and the text of each line, without the code and
 * its separator. Multi-line replies keep their lines for EHLO keywords; {@link #toSmtpReply()} gives the one-line
 * form the rest of spoolmail records, with the RFC 3463 enhanced status code split off.
 *
 * @param code the three-digit reply code
 * @param lines the text of each line, at least one (possibly empty) element
 */
record ServerReply(int code, List<String> lines) {

    private static final Pattern ENHANCED = Pattern.compile("([245])\\.(\\d{1,3})\\.(\\d{1,3})(?: +|$)");

    ServerReply {
        lines = List.copyOf(lines);
    }

    /** @return true for 2xx */
    boolean isPositive() {
        return code >= 200 && code < 300;
    }

    /** @return true for 4xx */
    boolean isTransient() {
        return code >= 400 && code < 500;
    }

    /** @return true for 5xx */
    boolean isPermanent() {
        return code >= 500;
    }

    /** @return true for 421: the relay is closing the transmission channel (RFC 5321 section 3.8) */
    boolean closesSession() {
        return code == 421;
    }

    /**
     * Returns the reply as one line: the enhanced status code of the first line (when its class matches the reply
     * code), and the texts of all lines, each without that status, joined by a blank. Control characters a relay
     * might send are shown as '?' ({@link Printable}).
     *
     * @return the reply
     */
    SmtpReply toSmtpReply() {
        Optional<String> enhanced = enhancedStatus(lines.get(0));
        String text = lines.stream()
                .map(line -> stripStatus(line, enhanced))
                .filter(s -> !s.isEmpty())
                .collect(Collectors.joining(" "));
        return new SmtpReply(code, enhanced, Printable.of(text));
    }

    @Override
    public String toString() {
        return toSmtpReply().toString();
    }

    private Optional<String> enhancedStatus(String line) {
        Matcher m = ENHANCED.matcher(line);
        if (m.lookingAt() && m.group(1).charAt(0) - '0' == code / 100) {
            return Optional.of(m.group(1) + "." + m.group(2) + "." + m.group(3));
        }
        return Optional.empty();
    }

    private String stripStatus(String line, Optional<String> enhanced) {
        Matcher m = ENHANCED.matcher(line);
        if (enhanced.isPresent() && m.lookingAt()) {
            return line.substring(m.end()).strip();
        }
        return line.strip();
    }
}
