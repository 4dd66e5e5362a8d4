package org.spoolmail.exits.mail;

/**
 * One forward-path of an envelope ({@code RCPT TO}, RFC 5321 section 4.1.1.3).
 *
 * @param mailbox the recipient's mailbox
 * @since 1.0.0
 */
public record ForwardPath(Mailbox mailbox) {

    /**
     * Checks the component.
     *
     * @param mailbox the recipient's mailbox
     * @throws NullPointerException if {@code mailbox} is null
     */
    public ForwardPath {
        java.util.Objects.requireNonNull(mailbox, "mailbox");
    }

    /**
     * Parses {@code local@domain}.
     *
     * @param address the address without angle brackets
     * @return the forward-path
     * @throws IllegalArgumentException as {@link Mailbox#parse(String)}
     */
    public static ForwardPath parse(String address) {
        return new ForwardPath(Mailbox.parse(address));
    }

    /** @return the path with angle brackets, as written in {@code RCPT TO:} */
    @Override
    public String toString() {
        return "<" + mailbox + ">";
    }
}
