package org.spoolmail.exits.mail;

import java.util.List;

/**
 * The SMTP envelope (RFC 5321 section 2.3.1): one reverse-path and one or more forward-paths.
 *
 * @param reversePath the {@code MAIL FROM} path; {@link ReversePath#nullPath()} for {@code <>}
 * @param forwardPaths the {@code RCPT TO} paths in the order given, at least one
 * @since 1.0.0
 */
public record Envelope(ReversePath reversePath, List<ForwardPath> forwardPaths) {

    /**
     * Checks and copies the components.
     *
     * @param reversePath the {@code MAIL FROM} path; {@link ReversePath#nullPath()} for {@code <>}
     * @param forwardPaths the {@code RCPT TO} paths in the order given, at least one
     * @throws NullPointerException if a component or element is null
     * @throws IllegalArgumentException if there is no forward-path
     */
    public Envelope {
        java.util.Objects.requireNonNull(reversePath, "reversePath");
        forwardPaths = List.copyOf(forwardPaths);
        if (forwardPaths.isEmpty()) {
            throw new IllegalArgumentException("an envelope needs at least one forward-path (RCPT TO)");
        }
    }

    /**
     * Returns this envelope with another reverse-path, as a sender-verification exit's REPLACE does.
     *
     * @param newReversePath the new reverse-path
     * @return a new envelope
     */
    public Envelope withReversePath(ReversePath newReversePath) {
        return new Envelope(newReversePath, forwardPaths);
    }

    /**
     * Returns this envelope with other forward-paths.
     *
     * @param newForwardPaths at least one forward-path
     * @return a new envelope
     * @throws IllegalArgumentException if the list is empty
     */
    public Envelope withForwardPaths(List<ForwardPath> newForwardPaths) {
        return new Envelope(reversePath, newForwardPaths);
    }
}
