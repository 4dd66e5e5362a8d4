package org.spoolmail.sampleexits.directory;

import java.text.Normalizer;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.spoolmail.exits.mail.Mailbox;
import org.spoolmail.exits.mail.NameAddr;

/**
 * Finds display-name spoofing in From, Sender and Reply-To: a display name that holds address-like text (an
 * {@code @} between non-blank characters) other than the mailbox's own address, such as
 * {@code "ceo@example.com" <ops@example.com>}. Many mail readers show only the display name, so the reader would
 * see an address the sender directory never allowed. A display name that repeats the mailbox's own address, or
 * holds an {@code @} standing alone ({@code Ops @ HQ}), passes. The display name is read as a reader sees it:
 * compatibility forms folded (NFKC: the full-width and small at signs U+FF20 and U+FE6B are '@', full-width
 * letters are letters) and invisible format characters (zero-width space, bidirectional controls) removed, so
 * {@code "ceo＠example.com" <ops@example.com>} is caught like {@code "ceo@example.com"}. The address in it is
 * compared with the mailbox in canonical form ({@link Mailbox#canonical()}), ignoring case as a reader does.
 */
final class DisplayNames {

    /** A run of non-blank characters with an '@' that has a non-blank character on both sides. */
    private static final Pattern ADDRESS_LIKE = Pattern.compile("\\S+@\\S+");
    /** Punctuation a display name may put around an address: quotes, brackets, a trailing comma or period. */
    private static final String WRAPPING = "<>()[]{}'\"`,;:.";

    private DisplayNames() {
    }

    /**
     * Checks the display names of one field's mailboxes.
     *
     * @param field the field name, for the message
     * @param mailboxes the field's mailboxes
     * @return the refusal text, e.g. {@code From header field display name 'ceo@example.com' looks like another
     *     address}; empty if no display name holds another address
     */
    static Optional<String> spoofed(String field, List<NameAddr> mailboxes) {
        for (NameAddr mailbox : mailboxes) {
            Matcher m = ADDRESS_LIKE.matcher(asShown(mailbox.displayName()));
            while (m.find()) {
                if (!isAddressOf(strip(m.group()), mailbox.mailbox())) {
                    return Optional.of(field + " header field display name '" + mailbox.displayName()
                            + "' looks like another address");
                }
            }
        }
        return Optional.empty();
    }

    /** What a mail reader shows: compatibility characters folded (NFKC), invisible format characters gone. */
    static String asShown(String displayName) {
        String folded = Normalizer.normalize(displayName, Normalizer.Form.NFKC);
        StringBuilder shown = new StringBuilder(folded.length());
        folded.codePoints().filter(c -> Character.getType(c) != Character.FORMAT).forEach(shown::appendCodePoint);
        return shown.toString();
    }

    private static boolean isAddressOf(String text, Mailbox mailbox) {
        try {
            // A reader takes OPS@example.com for ops@example.com: case is ignored here, quoting is not shown.
            return Mailbox.canonical(text).equalsIgnoreCase(mailbox.canonical().toString());
        } catch (IllegalArgumentException e) {
            return false; // address-like but no valid address: still not the mailbox's own
        }
    }

    private static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && WRAPPING.indexOf(text.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && WRAPPING.indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return text.substring(start, end);
    }
}
