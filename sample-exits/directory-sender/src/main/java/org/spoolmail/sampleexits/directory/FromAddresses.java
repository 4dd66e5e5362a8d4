package org.spoolmail.sampleexits.directory;

import java.util.ArrayList;
import java.util.List;

import org.spoolmail.exits.mail.Mailbox;

/**
 * Reads the addresses of a From, Sender or Reply-To field body strictly as an RFC 5322 mailbox-list (section 3.4):
 * each mailbox is an addr-spec or a display name followed by one angle-addr, mailboxes are separated by commas, and
 * comments may stand anywhere. Anything else, such as two angle-addrs in one mailbox ({@code <ok@x> <ceo@x>}), a
 * phrase without an address, an empty mailbox or a group, is malformed: an exit that judged only the first address
 * of such a field would let the second one through.
 */
final class FromAddresses {

    private FromAddresses() {
    }

    /**
     * One mailbox of the list.
     *
     * @param displayName the display name as a reader sees it (quotes and backslash escapes removed, blanks
     *     collapsed), empty for a bare addr-spec
     * @param address the address
     */
    record Named(String displayName, String address) {
    }

    /**
     * Parses the field body.
     *
     * @param body the unfolded field body
     * @return the addresses in order, at least one
     * @throws IllegalArgumentException saying why the body is not a clean mailbox-list
     */
    static List<String> parse(String body) {
        return mailboxes(body).stream().map(Named::address).toList();
    }

    /**
     * Parses the field body with each mailbox's display name.
     *
     * @param body the unfolded field body
     * @return the mailboxes in order, at least one
     * @throws IllegalArgumentException saying why the body is not a clean mailbox-list
     */
    static List<Named> mailboxes(String body) {
        String text = FieldScanner.withoutComments(body);
        if (text.isBlank()) {
            throw new IllegalArgumentException("it holds no mailbox");
        }
        List<Named> mailboxes = new ArrayList<>();
        for (String mailbox : FieldScanner.topLevelSplit(text, ',')) {
            mailboxes.add(mailbox(mailbox.strip()));
        }
        return mailboxes;
    }

    private static Named mailbox(String mailbox) {
        if (mailbox.isEmpty()) {
            throw new IllegalArgumentException("it holds an empty mailbox (two commas in a row, or one at an end)");
        }
        List<Integer> opens = FieldScanner.topLevelIndexes(mailbox, '<');
        if (opens.size() > 1) {
            throw new IllegalArgumentException("'" + mailbox + "' holds " + opens.size()
                    + " angle-addrs in one mailbox");
        }
        if (opens.isEmpty()) {
            if (FieldScanner.topLevelIndexes(mailbox, '@').isEmpty()) {
                throw new IllegalArgumentException("'" + mailbox + "' holds no address");
            }
            return new Named("", checked(mailbox, mailbox));
        }
        int open = opens.get(0);
        int close = mailbox.indexOf('>', open);
        if (close < 0 || !mailbox.substring(close + 1).isBlank()) {
            throw new IllegalArgumentException("'" + mailbox + "' has text after its angle-addr or no closing '>'");
        }
        String name = mailbox.substring(0, open);
        if (!FieldScanner.isPhrase(name)) {
            throw new IllegalArgumentException("'" + mailbox + "' has a display name that is not an RFC 5322 phrase");
        }
        return new Named(readable(name), checked(mailbox, mailbox.substring(open + 1, close).strip()));
    }

    /** The phrase as a mail reader shows it: quote marks and backslashes of quoted-pairs removed, blanks collapsed. */
    private static String readable(String phrase) {
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

    private static String checked(String mailbox, String address) {
        try {
            return Mailbox.parse(address.strip()).toString();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + mailbox + "': " + e.getMessage(), e);
        }
    }
}
