package org.spoolmail.exits.mail;

import java.util.Objects;

/**
 * One mailbox of an address field (RFC 5322 section 3.4 {@code mailbox = name-addr / addr-spec}): the display name
 * as a mail reader shows it and the address. {@code "Smith, J" <j@example.com>} gives display name {@code Smith, J};
 * a bare {@code j@example.com (Jane)} gives an empty display name (comments are not names).
 *
 * @param displayName the display name with quote marks and the backslashes of quoted-pairs removed and runs of
 *     blanks collapsed to one (RFC 5322 section 3.2.5 phrase); empty for a bare addr-spec; not null
 * @param mailbox the address; not null
 * @since 1.0.0
 */
public record NameAddr(String displayName, Mailbox mailbox) {

    /**
     * Checks that no part is null.
     *
     * @param displayName the display name as a reader sees it; empty for none
     * @param mailbox the address
     * @throws NullPointerException if a part is null
     */
    public NameAddr {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(mailbox, "mailbox");
    }

    /**
     * Tells whether the mailbox was written with a display name.
     *
     * @return true if the display name is not empty
     */
    public boolean hasDisplayName() {
        return !displayName.isEmpty();
    }

    /** The phrase as a mail reader shows it: quote marks and backslashes of quoted-pairs removed, blanks collapsed. */
    static String readable(String phrase) {
        StringBuilder b = new StringBuilder();
        boolean escaped = false;
        for (char c : phrase.toCharArray()) {
            if (!escaped && (c == '\\' || c == '"')) {
                escaped = c == '\\';
                continue;
            }
            escaped = false;
            b.append(c);
        }
        return b.toString().strip().replaceAll("\\s+", " ");
    }
}
