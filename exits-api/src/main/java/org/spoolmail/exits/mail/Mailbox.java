package org.spoolmail.exits.mail;

import java.util.Locale;

/**
 * An e-mail address {@code local-part@domain} as in an SMTP path (RFC 5321 section 4.1.2).
 *
 * <p>The local-part is a dot-atom of RFC 5322 atext (section 3.2.3: letters, digits and
 * {@code !#$%&'*+-/=?^_`{|}~}, in atoms separated by single dots) or an RFC 5321 quoted-string ({@code "a b"@x},
 * printable US-ASCII with backslash escapes, no controls). The domain is labels of letters, digits and hyphens
 * separated by dots, no label empty or starting or ending with a hyphen (RFC 5321 section 4.1.2), or an address
 * literal in square brackets (section 4.1.3). Non-ASCII characters other than controls and blanks are allowed in
 * both (RFC 6531); whether they may be sent is the delivery stage's decision. So {@code , ; ( ) " < >}, blanks and
 * a second '@' never stand unquoted in an address, and no address can split a command line or a header field.
 * A domain without a dot (a JES node name such as {@code NODE1}) is allowed here and reported by
 * {@link #isQualified()}.
 *
 * @param localPart the part left of the last '@', as written (case preserved)
 * @param domain the part right of the last '@'
 * @since 1.0.0
 */
public record Mailbox(String localPart, String domain) {

    /**
     * Checks both parts.
     *
     * @param localPart the part left of the last '@', as written (case preserved)
     * @param domain the part right of the last '@'
     * @throws IllegalArgumentException if a part is empty or breaks its syntax; the message names the part, the
     *     character and the rule
     */
    public Mailbox {
        AddressSyntax.checkLocalPart(localPart);
        AddressSyntax.checkDomain(domain);
    }

    /**
     * Parses {@code local@domain}; the split is at the last '@'.
     *
     * @param address the address without angle brackets
     * @return the mailbox
     * @throws IllegalArgumentException if there is no '@', a part is empty, or a character is forbidden
     */
    public static Mailbox parse(String address) {
        int at = address.lastIndexOf('@');
        if (at < 0) {
            throw new IllegalArgumentException("address has no '@': '" + printable(address) + "'");
        }
        return new Mailbox(address.substring(0, at), address.substring(at + 1));
    }

    /**
     * Tells whether the domain is fully qualified, i.e. contains a dot or is an address literal.
     *
     * @return false for a dotless domain such as a JES node name
     */
    public boolean isQualified() {
        return domain.contains(".") || domain.startsWith("[");
    }

    /**
     * Returns this mailbox with the domain replaced.
     *
     * @param newDomain the new domain, e.g. {@code NODE1.example.com}
     * @return a new mailbox
     */
    public Mailbox withDomain(String newDomain) {
        return new Mailbox(localPart, newDomain);
    }

    /**
     * Tells whether the address holds a character outside US-ASCII and so needs SMTPUTF8 (RFC 6531).
     *
     * @return true if any character is above U+007F
     */
    public boolean isInternationalized() {
        return !(localPart + domain).chars().allMatch(c -> c < 0x80);
    }

    /**
     * Returns the one spelling of this mailbox that every equivalent spelling shares, for comparing addresses:
     * a quoted local-part that needs no quoting becomes the dot-atom ({@code "payroll"@x} and
     * {@code "pay\roll"@x} are {@code payroll@x}, RFC 5322 section 3.4.1), a quoted one that does keeps only the
     * escapes it needs, and the domain is in lower case (domains are case-insensitive, RFC 5321 section 2.4). The
     * local-part keeps its case: only the receiving system may decide that {@code Payroll} is {@code payroll}.
     * Policies that must not be dodged by another spelling compare this form, never {@link #toString()}.
     *
     * @return the mailbox in its canonical form; equal mailboxes give equal results
     * @since 1.0.0
     */
    public Mailbox canonical() {
        return new Mailbox(AddressSyntax.simplestLocalPart(localPart), domain.toLowerCase(Locale.ROOT));
    }

    /**
     * The canonical form ({@link #canonical()}) of an address given as text, for policies that hold addresses as
     * strings.
     *
     * @param address {@code local@domain}, as written
     * @return the canonical {@code local@domain}, or the text unchanged when it is not a valid address (it then
     *     equals no canonical address but itself)
     * @since 1.0.0
     */
    public static String canonical(String address) {
        try {
            return parse(address).canonical().toString();
        } catch (IllegalArgumentException e) {
            return address;
        }
    }

    /**
     * Compares as mail systems do (RFC 5321 section 2.4, RFC 5322 section 3.4.1): the local-part by its content,
     * exactly, whether quoted or not ({@code "payroll"@x} is {@code payroll@x}), the domain ignoring case.
     *
     * @param other another mailbox
     * @return true if both denote the same mailbox
     */
    public boolean sameAs(Mailbox other) {
        return canonical().equals(other.canonical());
    }

    /** @return {@code local-part@domain} */
    @Override
    public String toString() {
        return localPart + "@" + domain;
    }

    static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F)) {
                b.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
