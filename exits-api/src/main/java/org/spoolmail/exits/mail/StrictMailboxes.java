package org.spoolmail.exits.mail;

import java.util.ArrayList;
import java.util.List;

/** The strict reading of {@link AddressList#parse(String)}: a clean RFC 5322 mailbox-list or a reason. */
final class StrictMailboxes {

    private StrictMailboxes() {
    }

    static List<NameAddr> parse(String body) {
        String text = FieldLexer.withoutComments(body, true, true);
        if (text.isBlank()) {
            throw new IllegalArgumentException("it holds no mailbox");
        }
        List<NameAddr> mailboxes = new ArrayList<>();
        for (String mailbox : FieldLexer.topLevelSplit(text, ",")) {
            mailboxes.add(mailbox(mailbox.strip()));
        }
        return mailboxes;
    }

    private static NameAddr mailbox(String mailbox) {
        if (mailbox.isEmpty()) {
            throw new IllegalArgumentException("it holds an empty mailbox (two commas in a row, or one at an end)");
        }
        List<Integer> opens = FieldLexer.topLevelIndexes(mailbox, '<');
        if (opens.size() > 1) {
            throw new IllegalArgumentException("'" + mailbox + "' holds " + opens.size()
                    + " angle-addrs in one mailbox");
        }
        if (opens.isEmpty()) {
            if (FieldLexer.topLevelIndexes(mailbox, '@').isEmpty()) {
                throw new IllegalArgumentException("'" + mailbox + "' holds no address");
            }
            return new NameAddr("", checked(mailbox, mailbox));
        }
        int open = opens.get(0);
        int close = mailbox.indexOf('>', open);
        if (close < 0 || !mailbox.substring(close + 1).isBlank()) {
            throw new IllegalArgumentException("'" + mailbox + "' has text after its angle-addr or no closing '>'");
        }
        String name = mailbox.substring(0, open);
        if (!FieldLexer.isPhrase(name)) {
            throw new IllegalArgumentException("'" + mailbox + "' has a display name that is not an RFC 5322 phrase");
        }
        return new NameAddr(NameAddr.readable(name), checked(mailbox, mailbox.substring(open + 1, close)));
    }

    private static Mailbox checked(String mailbox, String address) {
        try {
            return Mailbox.parse(address.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + mailbox + "': " + e.getMessage(), e);
        }
    }
}
