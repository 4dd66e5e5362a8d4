package org.spoolmail.plugins.parse.control;

import java.util.Optional;

import org.spoolmail.exits.mail.Mailbox;

/**
 * One address of a FROM, TO, CC, BCC or REPLYTO statement: a mailbox and an optional display name.
 *
 * @param displayName the name shown to readers, Unicode, or empty
 * @param mailbox the address
 */
record Address(Optional<String> displayName, Mailbox mailbox) {

    /**
     * Returns the address as an RFC 5322 mailbox: {@code "Display Name" <local@domain>}, or the bare address. The
     * name is always a quoted-string, so commas and other specials in it are safe; non-ASCII names are encoded by
     * the message writer.
     *
     * @return the header form
     */
    String headerForm() {
        return displayName.map(n -> "\"" + n.replace("\\", "\\\\").replace("\"", "\\\"") + "\" <" + mailbox + ">")
                .orElse(mailbox.toString());
    }
}
