package org.spoolmail.exits.mail;

import java.util.Optional;

/**
 * The reverse-path of an envelope ({@code MAIL FROM}, RFC 5321 section 4.1.1.2): a mailbox, or the null path
 * {@code <>} used for notifications. The null path is a value of its own, never Java {@code null} or {@code ""}.
 *
 * @since 1.0.0
 */
public final class ReversePath {

    private static final ReversePath NULL_PATH = new ReversePath(null);

    private final Mailbox mailbox;

    private ReversePath(Mailbox mailbox) {
        this.mailbox = mailbox;
    }

    /**
     * Returns the null reverse-path {@code <>}.
     *
     * @return the null path
     */
    public static ReversePath nullPath() {
        return NULL_PATH;
    }

    /**
     * Returns the reverse-path of a mailbox.
     *
     * @param mailbox the sender's mailbox
     * @return the reverse-path
     * @throws NullPointerException if {@code mailbox} is null
     */
    public static ReversePath of(Mailbox mailbox) {
        return new ReversePath(java.util.Objects.requireNonNull(mailbox, "mailbox"));
    }

    /**
     * Returns the mailbox, or empty for the null path.
     *
     * @return the mailbox
     */
    public Optional<Mailbox> mailbox() {
        return Optional.ofNullable(mailbox);
    }

    /** @return true for {@code <>} */
    public boolean isNullPath() {
        return mailbox == null;
    }

    /** @return the path as written in {@code MAIL FROM:}, with angle brackets */
    @Override
    public String toString() {
        return mailbox == null ? "<>" : "<" + mailbox + ">";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReversePath other && java.util.Objects.equals(mailbox, other.mailbox);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hashCode(mailbox);
    }
}
