package org.spoolmail.exits.mail;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An SMTP reply (RFC 5321 section 4.2) with its RFC 3463 enhanced status code, as a relay sent it or as an exit
 * routine chose it for a refusal.
 *
 * @param code the three-digit reply code, 200..599
 * @param enhancedStatus the enhanced status code such as {@code 5.7.1}, if any
 * @param text the reply text, without the code; printable, one line
 * @since 1.0.0
 */
public record SmtpReply(int code, Optional<String> enhancedStatus, String text) {

    private static final Pattern ENHANCED = Pattern.compile("[245]\\.\\d{1,3}\\.\\d{1,3}");

    /**
     * Checks the components.
     *
     * @param code the three-digit reply code, 200..599
     * @param enhancedStatus the enhanced status code such as {@code 5.7.1}, if any
     * @param text the reply text, without the code; printable, one line
     * @throws IllegalArgumentException if the code is outside 200..599, the enhanced status is malformed, or the
     *     text holds a control character
     */
    public SmtpReply {
        if (code < 200 || code > 599) {
            throw new IllegalArgumentException("SMTP reply code must be 200..599, got " + code);
        }
        java.util.Objects.requireNonNull(enhancedStatus, "enhancedStatus");
        enhancedStatus.ifPresent(s -> {
            if (!ENHANCED.matcher(s).matches()) {
                throw new IllegalArgumentException("malformed enhanced status code " + s);
            }
        });
        if (text == null || HeaderField.firstControl(text) >= 0) {
            throw new IllegalArgumentException("SMTP reply text must be one printable line");
        }
    }

    /**
     * A reply with an enhanced status code.
     *
     * @param code the reply code
     * @param enhancedStatus e.g. {@code 5.7.1}
     * @param text the text
     * @return the reply
     */
    public static SmtpReply of(int code, String enhancedStatus, String text) {
        return new SmtpReply(code, Optional.of(enhancedStatus), text);
    }

    /** @return true for 4xx, a transient failure */
    public boolean isTransient() {
        return code >= 400 && code < 500;
    }

    /** @return true for 5xx, a permanent failure */
    public boolean isPermanent() {
        return code >= 500;
    }

    /** @return e.g. {@code 550 5.7.1 sender not allowed} */
    @Override
    public String toString() {
        return code + enhancedStatus.map(s -> " " + s).orElse("") + (text.isEmpty() ? "" : " " + text);
    }
}
