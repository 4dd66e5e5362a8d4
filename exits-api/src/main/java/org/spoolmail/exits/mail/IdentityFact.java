package org.spoolmail.exits.mail;

/**
 * One fact about the submitter and where it came from. Exits decide on established facts; a claimed fact came
 * from the input, a flag or the environment of a scheduler and is shown as claimed.
 *
 * @param value the value, e.g. a user ID or job name; not blank
 * @param established true when the operating system vouches for it (the process owner, a file's owner)
 * @since 1.0.0
 */
public record IdentityFact(String value, boolean established) {

    /**
     * Checks the value.
     *
     * @param value the value, e.g. a user ID or job name; not blank
     * @param established true when the operating system vouches for it (the process owner, a file's owner)
     * @throws IllegalArgumentException if the value is blank or holds a control character
     */
    public IdentityFact {
        if (value == null || value.isBlank() || HeaderField.firstControl(value) >= 0) {
            throw new IllegalArgumentException("identity value must be printable and not blank");
        }
    }

    /**
     * A fact vouched for by the operating system.
     *
     * @param value the value
     * @return the fact
     */
    public static IdentityFact established(String value) {
        return new IdentityFact(value, true);
    }

    /**
     * A fact taken from the input, a flag or the environment.
     *
     * @param value the value
     * @return the fact
     */
    public static IdentityFact claimed(String value) {
        return new IdentityFact(value, false);
    }

    /** @return the value, followed by {@code (claimed)} when not established */
    @Override
    public String toString() {
        return established ? value : value + " (claimed)";
    }
}
