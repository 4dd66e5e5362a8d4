package org.spoolmail.plugins.verify.sender;

/**
 * Writes a display name as an RFC 5322 phrase (section 3.2.5): words of atext separated by single blanks stay as
 * they are ({@code Payroll Office}); anything else becomes one quoted-string with {@code "} and {@code \} escaped
 * as quoted-pairs ({@code "Payroll, West"}, {@code "Payroll \"West\""}). Non-ASCII letters count as atext
 * (RFC 6532 section 3.2); the message writer turns them into encoded-words when the relay needs it.
 */
final class DisplayNamePhrase {

    /** The ASCII specials allowed in atext besides letters and digits (RFC 5322 section 3.2.3). */
    private static final String ATEXT_SPECIALS = "!#$%&'*+-/=?^_`{|}~";

    private DisplayNamePhrase() {
    }

    /**
     * @param displayName the name as a reader sees it; not empty, no control characters
     * @param address the address, e.g. {@code payroll@example.com}
     * @return the name-addr, e.g. {@code "Payroll, West" <payroll@example.com>}
     */
    static String nameAddr(String displayName, String address) {
        return phrase(displayName) + " <" + address + ">";
    }

    /**
     * @param displayName the name as a reader sees it; not empty
     * @return the phrase as written in a header field
     */
    static String phrase(String displayName) {
        return isAtomSequence(displayName) ? displayName : quoted(displayName);
    }

    private static boolean isAtomSequence(String text) {
        for (String word : text.split(" ", -1)) {
            if (word.isEmpty() || !word.chars().allMatch(DisplayNamePhrase::isAtext)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAtext(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
                || ATEXT_SPECIALS.indexOf(c) >= 0;
    }

    private static String quoted(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append('"').toString();
    }
}
