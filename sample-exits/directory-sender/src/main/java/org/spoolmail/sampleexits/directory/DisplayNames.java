package org.spoolmail.sampleexits.directory;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.spoolmail.exits.mail.NameAddr;

/**
 * Finds display-name spoofing in From, Sender and Reply-To: a display name that holds address-like text (an
 * {@code @} between non-blank characters) other than the mailbox's own address, such as
 * {@code "ceo@example.com" <ops@example.com>}. Many mail readers show only the display name, so the reader would
 * see an address the sender directory never allowed. A display name that repeats the mailbox's own address, or
 * holds an {@code @} standing alone ({@code Ops @ HQ}), passes.
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
            Matcher m = ADDRESS_LIKE.matcher(mailbox.displayName());
            while (m.find()) {
                String text = strip(m.group());
                if (!text.equalsIgnoreCase(mailbox.mailbox().toString())) {
                    return Optional.of(field + " header field display name '" + mailbox.displayName()
                            + "' looks like another address");
                }
            }
        }
        return Optional.empty();
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
        return text.substring(start, end).toLowerCase(Locale.ROOT);
    }
}
