package org.spoolmail.exits.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The mailboxes of an address field body (From, Sender, Reply-To, To, Cc, Bcc; RFC 5322 section 3.4), read past
 * quoted strings and comments (section 3.2), so {@code "Payroll <ceo@x>" <payroll@x>} names {@code payroll@x} only.
 *
 * <p>Two readings: {@link #parse(String)} is strict, for an exit that judges a sender. It accepts only a clean
 * mailbox-list ({@code "Smith, A" <a@x.org>, b@x.org (Bob)}) and refuses, saying why, two angle-addrs in one
 * mailbox ({@code <ok@x> <ceo@x>}), a phrase without an address, an empty mailbox, a group and an unclosed quoted
 * string or comment: an exit that judged only one of two addresses would let the other through.
 * {@link #addrSpecs(String)} is lenient, for a parser that must carry on: it returns what each member names.
 * {@link #withFirstAddress(String, Mailbox)} and {@link #withDomains(String, UnaryOperator)} rewrite addresses and
 * keep display names and comments as written. Bodies are unfolded Unicode.
 *
 * @param mailboxes the mailboxes in field order, at least one
 * @since 1.0.0
 */
public record AddressList(List<NameAddr> mailboxes) {

    /**
     * Copies the list.
     *
     * @param mailboxes the mailboxes in field order
     * @throws NullPointerException if the list or an element is null
     * @throws IllegalArgumentException if the list is empty
     */
    public AddressList {
        mailboxes = List.copyOf(mailboxes);
        if (mailboxes.isEmpty()) {
            throw new IllegalArgumentException("an address list holds at least one mailbox");
        }
    }

    /**
     * Reads a field body strictly as an RFC 5322 mailbox-list (section 3.4): each mailbox an addr-spec or a
     * display name (a phrase, section 3.2.5) and one angle-addr, separated by commas, comments anywhere; each
     * address checked as a {@link Mailbox}.
     *
     * @param body the unfolded field body; not null
     * @return the mailboxes in order
     * @throws NullPointerException if body is null
     * @throws IllegalArgumentException saying why the body is not a clean mailbox-list, e.g.
     *     {@code '<ok@x.org> <ceo@x.org>' holds 2 angle-addrs in one mailbox}, {@code 'plan advisor' holds no
     *     address}, {@code it holds no mailbox}, {@code a quoted string is not closed}
     */
    public static AddressList parse(String body) {
        return new AddressList(StrictMailboxes.parse(body));
    }

    /**
     * Returns the addresses in order.
     *
     * @return each mailbox's address
     */
    public List<Mailbox> addresses() {
        return mailboxes.stream().map(NameAddr::mailbox).toList();
    }

    /**
     * Reads a field body leniently as an RFC 5322 address-list (section 3.4) and returns what each member names,
     * unchecked: the text of its first angle-addr if it has one, else the member with comments removed. Commas
     * inside quoted strings, comments and angle brackets do not divide; a group's display name, its ':' and its
     * closing ';' are dropped (RFC 6854 allows groups in From). A member that holds no address, such as
     * {@code plan advisor}, is returned as written, so that it matches no pattern and no {@link Mailbox}; empty
     * members are left out. Unclosed quoted strings and comments run to the end.
     *
     * @param body the unfolded field body; not null
     * @return the addr-specs in order, blanks stripped; empty for a body without members
     * @throws NullPointerException if body is null
     */
    public static List<String> addrSpecs(String body) {
        List<String> specs = new ArrayList<>();
        String text = FieldLexer.withoutComments(body, false, false);
        for (String member : FieldLexer.topLevelSplit(groupsOpened(text), ",;")) {
            String spec = angleAddr(member).orElse(member).strip();
            if (!spec.isEmpty()) {
                specs.add(spec);
            }
        }
        return specs;
    }

    /**
     * Reads a field body leniently (as {@link #addrSpecs(String)}) and keeps the members that are addresses.
     *
     * @param body the unfolded field body; not null
     * @return the addresses in order; a member that is not a {@link Mailbox} is skipped
     * @throws NullPointerException if body is null
     */
    public static List<Mailbox> mailboxesIn(String body) {
        List<Mailbox> found = new ArrayList<>();
        for (String spec : addrSpecs(body)) {
            try {
                found.add(Mailbox.parse(spec));
            } catch (IllegalArgumentException e) {
                continue;
            }
        }
        return found;
    }

    /**
     * Rewrites the address of the first mailbox and keeps its display name and comments as written:
     * {@code "Payroll" <old@x>} becomes {@code "Payroll" <new@y>}, {@code old@x (Payroll)} becomes
     * {@code new@y (Payroll)}. Further mailboxes are dropped: the caller decided who the mail is from
     * (RFC 5322 section 3.6.2). An empty body gives the bare address.
     *
     * @param body the unfolded field body; not null
     * @param address the new address; not null
     * @return the new field body, one mailbox
     * @throws NullPointerException if an argument is null
     */
    public static String withFirstAddress(String body, Mailbox address) {
        Objects.requireNonNull(address, "address");
        String first = FieldLexer.topLevelSplit(body, ",").get(0).strip();
        List<Integer> opens = FieldLexer.topLevelIndexes(first, '<');
        int open = opens.isEmpty() ? -1 : opens.get(0);
        int close = open < 0 ? -1 : first.indexOf('>', open);
        if (close > open) {
            return first.substring(0, open + 1) + address + first.substring(close);
        }
        String comments = String.join(" ", FieldLexer.comments(first));
        return comments.isEmpty() ? address.toString() : address + " " + comments;
    }

    /**
     * Rewrites every domain that follows an '@' outside quoted strings and comments, keeping everything else as
     * written; address literals ({@code [192.0.2.1]}) are not domains and stay. Used to qualify JES node names:
     * {@code Claims <BATCH@NODE1>} becomes {@code Claims <BATCH@NODE1.example.com>}.
     *
     * @param body the unfolded field body; not null
     * @param rewrite gives the new domain for each domain found (letters, digits, '-', '.' and non-ASCII
     *     characters); return the argument to keep it; not null
     * @return the rewritten body; the same text if nothing changed
     * @throws NullPointerException if an argument is null
     */
    public static String withDomains(String body, UnaryOperator<String> rewrite) {
        return DomainRewriter.rewrite(body, rewrite);
    }

    /**
     * Replaces one character by another in the addr-specs of a field body only: inside each angle-addr, and in a
     * member without one that is a single word ({@code lohn§example.de}); never in a display name, a group
     * name, a comment or a quoted string, and not in a member that is a phrase without an address. Used for the
     * national at-sign of EBCDIC CCSIDs ('§' at x'7C' in CCSID 273, 'Ø' in 277), which a display name
     * such as {@code Østfold Drift} holds as a letter.
     *
     * @param body the unfolded field body; not null
     * @param from the character to replace
     * @param to its replacement
     * @return the body with the character replaced in addr-specs; the same text if there is none
     * @throws NullPointerException if body is null
     * @since 1.0.0
     */
    public static String replaceInAddrSpecs(String body, char from, char to) {
        if (body.indexOf(from) < 0) {
            return body;
        }
        List<String> members = FieldLexer.topLevelSplit(body, ",");
        for (int i = 0; i < members.size(); i++) {
            members.set(i, replaceInMember(members.get(i), from, to));
        }
        return String.join(",", members);
    }

    private static String replaceInMember(String member, char from, char to) {
        char[] c = member.toCharArray();
        boolean[] top = new boolean[c.length];
        FieldLexer lexer = new FieldLexer();
        for (int i = 0; i < c.length; i++) {
            top[i] = lexer.step(c[i]);
        }
        List<Integer> opens = FieldLexer.topLevelIndexes(member, '<');
        int start;
        int end;
        if (!opens.isEmpty()) {
            start = opens.get(0) + 1;
            end = member.indexOf('>', start) < 0 ? c.length : member.indexOf('>', start);
        } else {
            List<Integer> colons = FieldLexer.topLevelIndexes(member, ':');
            start = colons.isEmpty() ? 0 : colons.get(0) + 1;
            List<Integer> semis = FieldLexer.topLevelIndexes(member, ';');
            end = semis.isEmpty() ? c.length : semis.get(0);
            String word = FieldLexer.withoutComments(member.substring(start, Math.max(start, end)), false, false);
            if (word.strip().isEmpty() || word.strip().chars().anyMatch(ch -> ch == ' ' || ch == '\t')) {
                return member;
            }
        }
        for (int i = start; i < end; i++) {
            if (top[i] && c[i] == from) {
                c[i] = to;
            }
        }
        return new String(c);
    }

    /**
     * Tells whether a field body names any address at all: an '@' outside quoted strings and comments.
     *
     * @param body the unfolded field body; not null
     * @return false for a body such as {@code plan advisor} or {@code "a@b"} (a quoted display name only)
     * @throws NullPointerException if body is null
     */
    public static boolean holdsAddress(String body) {
        return !FieldLexer.topLevelIndexes(body, '@').isEmpty();
    }

    /** Replaces each group opening (display name and ':' outside angle brackets) by a comma. */
    private static String groupsOpened(String text) {
        StringBuilder b = new StringBuilder(text.length());
        FieldLexer lexer = new FieldLexer();
        boolean angle = false;
        int memberStart = 0;
        for (char c : text.toCharArray()) {
            boolean top = lexer.step(c);
            angle = top ? c == '<' || (angle && c != '>') : angle;
            boolean separator = top && !angle && (c == ',' || c == ';' || c == ':');
            if (separator && c == ':') {
                b.setLength(memberStart);
                b.append(',');
            } else {
                b.append(c);
            }
            memberStart = separator ? b.length() : memberStart;
        }
        return b.toString();
    }

    private static Optional<String> angleAddr(String member) {
        List<Integer> opens = FieldLexer.topLevelIndexes(member, '<');
        if (opens.isEmpty()) {
            return Optional.empty();
        }
        int close = member.indexOf('>', opens.get(0));
        return close < 0 ? Optional.empty()
                : Optional.of(member.substring(opens.get(0) + 1, close));
    }
}
