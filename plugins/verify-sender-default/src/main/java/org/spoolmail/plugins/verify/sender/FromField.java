package org.spoolmail.plugins.verify.sender;

import java.util.ArrayList;
import java.util.List;

import org.spoolmail.exits.mail.Mailbox;

/**
 * Rewrites the address of a From header field body (RFC 5322 section 3.4) and keeps its display name:
 * {@code "Payroll" <old@x>} becomes {@code "Payroll" <new@y>}, {@code old@x (Payroll)} becomes
 * {@code new@y (Payroll)}. Quoted strings and comments are skipped when looking for the angle brackets, so a
 * display name such as {@code "a <b>"} is kept intact. When the field names several authors, the result is the
 * first one rewritten: the exit decided who the mail is from.
 */
final class FromField {

    private FromField() {
    }

    /**
     * Rewrites the address.
     *
     * @param body the unfolded From field body
     * @param address the new address
     * @return the new field body
     */
    static String withAddress(String body, Mailbox address) {
        String first = firstMailbox(body).strip();
        int open = topLevelIndex(first, '<', false);
        int close = open < 0 ? -1 : first.indexOf('>', open);
        if (close > open) {
            return first.substring(0, open + 1) + address + first.substring(close);
        }
        String comments = String.join(" ", comments(first));
        return comments.isEmpty() ? address.toString() : address + " " + comments;
    }

    /**
     * Lists the addresses of a From (or Sender) field body: for each top-level mailbox the angle-addr if there is
     * one, else the addr-spec with comments removed. A mailbox that does not parse is skipped.
     *
     * @param body the unfolded field body
     * @return the addresses in order; empty if none parses
     */
    static List<Mailbox> addresses(String body) {
        List<Mailbox> found = new ArrayList<>();
        String rest = body;
        while (!rest.isBlank()) {
            int comma = topLevelIndex(rest, ',', true);
            String one = comma < 0 ? rest : rest.substring(0, comma);
            rest = comma < 0 ? "" : rest.substring(comma + 1);
            address(one).ifPresent(found::add);
        }
        return found;
    }

    private static java.util.Optional<Mailbox> address(String mailbox) {
        int open = topLevelIndex(mailbox, '<', false);
        int close = open < 0 ? -1 : mailbox.indexOf('>', open);
        String spec = close > open ? mailbox.substring(open + 1, close) : withoutComments(mailbox);
        try {
            return java.util.Optional.of(Mailbox.parse(spec.strip()));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    private static String withoutComments(String s) {
        String result = s;
        for (String comment : comments(s)) {
            result = result.replace(comment, "");
        }
        return result;
    }

    private static String firstMailbox(String body) {
        int comma = topLevelIndex(body, ',', true);
        return comma < 0 ? body : body.substring(0, comma);
    }

    /** Finds a character outside quoted strings and comments (and, if asked, outside angle brackets). */
    private static int topLevelIndex(String s, char target, boolean outsideAngles) {
        boolean quoted = false;
        boolean angle = false;
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && (quoted || depth > 0)) {
                i++;
            } else if (quoted) {
                quoted = c != '"';
            } else if (depth > 0 || c == '(') {
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            } else if (c == '"') {
                quoted = true;
            } else if (c == target && !(outsideAngles && angle)) {
                return i;
            } else if (c == '<' || c == '>') {
                angle = c == '<';
            }
        }
        return -1;
    }

    /** Returns the top-level comments, parentheses included, in order. */
    private static List<String> comments(String s) {
        List<String> found = new ArrayList<>();
        boolean quoted = false;
        int depth = 0;
        int start = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && (quoted || depth > 0)) {
                i++;
            } else if (quoted) {
                quoted = c != '"';
            } else if (c == '"' && depth == 0) {
                quoted = true;
            } else if (c == '(') {
                start = depth++ == 0 ? i : start;
            } else if (c == ')' && depth > 0 && --depth == 0) {
                found.add(s.substring(start, i + 1));
            }
        }
        return found;
    }
}
