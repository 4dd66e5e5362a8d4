package org.spoolmail.exits.mail;

import java.util.Locale;

/**
 * The syntax checks of {@link Mailbox}: a local-part is a dot-atom of RFC 5322 atext or an RFC 5321 quoted-string;
 * a domain is dot-separated labels of letters, digits and hyphens (RFC 5321 section 4.1.2) or an address literal.
 * Non-ASCII characters other than controls, blanks and line separators are allowed in both (RFC 6531). Each error
 * names the part, the character and the rule it breaks.
 */
final class AddressSyntax {

    /** The specials of RFC 5322 atext besides letters and digits (section 3.2.3). */
    private static final String ATEXT_SPECIALS = "!#$%&'*+-/=?^_`{|}~";

    private AddressSyntax() {
    }

    /**
     * Checks a local-part.
     *
     * @param part the local-part as written, quotes included
     * @throws IllegalArgumentException naming the character and the rule, if it is not a dot-atom or quoted-string
     */
    static void checkLocalPart(String part) {
        if (part == null || part.isEmpty()) {
            throw new IllegalArgumentException("address local-part is empty");
        }
        if (part.length() >= 2 && part.startsWith("\"") && part.endsWith("\"")) {
            checkQuoted(part);
            return;
        }
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c != '.' && !isAtext(c)) {
                throw new IllegalArgumentException("address local-part '" + Mailbox.printable(part) + "' holds "
                        + describe(c) + ", which an unquoted local-part may not hold (RFC 5322 section 3.2.3 atext)");
            }
        }
        if (part.startsWith(".") || part.endsWith(".") || part.contains("..")) {
            throw new IllegalArgumentException("address local-part '" + Mailbox.printable(part)
                    + "' starts or ends with a dot or holds two dots in a row (RFC 5322 section 3.2.3 dot-atom)");
        }
    }

    /**
     * Checks a domain.
     *
     * @param domain the domain, or an address literal in square brackets
     * @throws IllegalArgumentException naming the character or label and the rule, if it is not a domain
     */
    static void checkDomain(String domain) {
        if (domain == null || domain.isEmpty()) {
            throw new IllegalArgumentException("address domain is empty");
        }
        if (domain.length() >= 2 && domain.startsWith("[") && domain.endsWith("]")) {
            checkLiteral(domain);
            return;
        }
        for (int i = 0; i < domain.length(); i++) {
            char c = domain.charAt(i);
            if (c != '.' && c != '-' && !isLetterOrDigit(c)) {
                throw new IllegalArgumentException("address domain '" + Mailbox.printable(domain) + "' holds "
                        + describe(c) + ", which a domain may not hold (letters, digits and hyphens in labels"
                        + " separated by dots, RFC 5321 section 4.1.2)");
            }
        }
        for (String label : domain.split("\\.", -1)) {
            if (label.isEmpty()) {
                throw new IllegalArgumentException("address domain '" + Mailbox.printable(domain)
                        + "' has an empty label: it starts or ends with a dot or holds two dots in a row");
            }
            if (label.startsWith("-") || label.endsWith("-")) {
                throw new IllegalArgumentException("address domain '" + Mailbox.printable(domain) + "' has label '"
                        + label + "' starting or ending with a hyphen (RFC 5321 section 4.1.2)");
            }
        }
    }

    /**
     * The simplest spelling of a valid local-part: a quoted-string whose content needs no quoting is that content as
     * a dot-atom ({@code "payroll"} is {@code payroll}, RFC 5322 section 3.4.1: both are the same local-part);
     * otherwise the content quoted again with only {@code "} and {@code \} escaped ({@code "a\ b"} is
     * {@code "a b"}).
     */
    static String simplestLocalPart(String part) {
        if (!(part.length() >= 2 && part.startsWith("\"") && part.endsWith("\""))) {
            return part;
        }
        StringBuilder content = new StringBuilder();
        String inside = part.substring(1, part.length() - 1);
        for (int i = 0; i < inside.length(); i++) {
            char c = inside.charAt(i);
            content.append(c == '\\' && i + 1 < inside.length() ? inside.charAt(++i) : c);
        }
        String value = content.toString();
        if (isDotAtom(value)) {
            return value;
        }
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static boolean isDotAtom(String value) {
        if (value.isEmpty() || value.startsWith(".") || value.endsWith(".") || value.contains("..")) {
            return false;
        }
        return value.chars().allMatch(c -> c == '.' || isAtext((char) c));
    }

    private static void checkQuoted(String part) {
        String inside = part.substring(1, part.length() - 1);
        for (int i = 0; i < inside.length(); i++) {
            char c = inside.charAt(i);
            boolean escape = c == '\\';
            if (escape && i + 1 < inside.length() && inside.charAt(i + 1) >= 32 && inside.charAt(i + 1) <= 126) {
                i++;
                continue;
            }
            if (escape || c == '"' || !(c >= 32 && c <= 126 || isNonAscii(c))) {
                throw new IllegalArgumentException("address local-part '" + Mailbox.printable(part) + "' holds "
                        + describe(c) + (escape ? " not followed by a printable character" : "")
                        + ", which a quoted local-part may not hold (RFC 5321 section 4.1.2 Quoted-string)");
            }
        }
    }

    private static void checkLiteral(String domain) {
        String inside = domain.substring(1, domain.length() - 1);
        for (int i = 0; i < inside.length(); i++) {
            char c = inside.charAt(i);
            if (c < 33 || c > 126 || c == '[' || c == ']' || c == '\\') {
                throw new IllegalArgumentException("address literal '" + Mailbox.printable(domain) + "' holds "
                        + describe(c) + ", which an address literal may not hold (RFC 5321 section 4.1.3)");
            }
        }
        if (inside.isEmpty()) {
            throw new IllegalArgumentException("address literal '[]' is empty");
        }
    }

    private static boolean isAtext(char c) {
        return isLetterOrDigit(c) || ATEXT_SPECIALS.indexOf(c) >= 0;
    }

    private static boolean isLetterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || isNonAscii(c);
    }

    /** RFC 6531 UTF8-non-ascii, without controls, blanks and line or paragraph separators. */
    private static boolean isNonAscii(char c) {
        return c >= 0xA0 && !Character.isSpaceChar(c) && c != '\uFEFF';
    }

    /** @return the character as a message shows it: {@code ','} for a visible one, its code point otherwise */
    static String describe(char c) {
        String code = String.format(Locale.ROOT, "U+%04X", (int) c);
        if (c == ' ') {
            return "a blank (" + code + ")";
        }
        if (c < 0x20 || c >= 0x7F && c <= 0xA0 || Character.isSpaceChar(c) || c == '\u2028' || c == '\u2029') {
            return "control or blank character " + code;
        }
        return "'" + c + "'";
    }
}
