package org.spoolmail.plugins.deliver.smtp;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.spoolmail.exits.StageException;
import org.spoolmail.exits.TransientStageException;

/**
 * The delivery status notifications to ask the relay for (RFC 3461), sent only when it offers DSN: {@code RET}
 * and {@code ENVID} on MAIL FROM (section 4.3, 4.4), {@code NOTIFY} on each RCPT TO (section 4.1). ENVID is the
 * mail object's id, so a bounce can be matched to the audit record. Immutable.
 *
 * @param notifyOn {@code NEVER} or a comma list of {@code SUCCESS}, {@code FAILURE}, {@code DELAY}; empty: not sent
 * @param ret {@code FULL} or {@code HDRS}; empty: not sent
 */
record DsnRequest(Optional<String> notifyOn, Optional<String> ret) {

    /** Nothing configured: only ENVID goes out. */
    static final DsnRequest NONE = new DsnRequest(Optional.empty(), Optional.empty());

    private static final List<String> NOTIFY_WORDS = List.of("SUCCESS", "FAILURE", "DELAY");

    /**
     * Reads the {@code dsn-notify} value.
     *
     * @param value e.g. {@code never} or {@code success,failure,delay}
     * @return the NOTIFY parameter value in upper case
     * @throws StageException transient (configuration) if a word is unknown or NEVER is combined with another
     */
    static String parseNotify(String value) throws StageException {
        Set<String> words = new LinkedHashSet<>();
        for (String word : value.split(",", -1)) {
            words.add(word.strip().toUpperCase(Locale.ROOT));
        }
        if (words.equals(Set.of("NEVER"))) {
            return "NEVER";
        }
        if (!NOTIFY_WORDS.containsAll(words)) {
            throw new TransientStageException("dsn-notify '" + value + "' is not 'never' or a comma list of "
                    + "success, failure, delay", null);
        }
        return String.join(",", words);
    }

    /**
     * @param envelopeId the mail object's id
     * @return the MAIL FROM parameters, each with a leading blank
     */
    String mailParameters(String envelopeId) {
        return ret.map(r -> " RET=" + r).orElse("") + " ENVID=" + xtext(envelopeId);
    }

    /** @return the RCPT TO parameters, each with a leading blank; empty when NOTIFY is not configured */
    String recipientParameters() {
        return notifyOn.map(n -> " NOTIFY=" + n).orElse("");
    }

    /**
     * Encodes as xtext (RFC 3461 section 4): '+', '=' and octets outside 33..126 become {@code +XX}.
     *
     * @param text the text
     * @return the xtext
     */
    static String xtext(String text) {
        StringBuilder b = new StringBuilder();
        for (byte octet : text.getBytes(StandardCharsets.UTF_8)) {
            int c = octet & 0xFF;
            if (c < 33 || c > 126 || c == '+' || c == '=') {
                b.append('+').append(String.format(Locale.ROOT, "%02X", c));
            } else {
                b.append((char) c);
            }
        }
        return b.toString();
    }
}
