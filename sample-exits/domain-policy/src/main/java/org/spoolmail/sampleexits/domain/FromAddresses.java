package org.spoolmail.sampleexits.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Takes the addresses out of a From header field body (RFC 5322 section 3.4): {@code "Payroll" <payroll@x>} gives
 * {@code payroll@x}, {@code payroll@x (Payroll)} gives {@code payroll@x}, and a list of authors gives each address.
 * Quoted strings and comments are skipped, so a display name such as {@code "a <b@c>"} is not taken for the
 * address. Text that holds no address (a bare phrase, a lone quoted name) is returned as it stands, so that it matches
 * no pattern and the sender is refused.
 */
final class FromAddresses {

    private FromAddresses() {
    }

    /**
     * Parses the field body.
     *
     * @param body the unfolded field body
     * @return the addresses in order; empty for an empty body
     */
    static List<String> parse(String body) {
        List<String> addresses = new ArrayList<>();
        for (String mailbox : topLevelSplit(body)) {
            String address = address(mailbox);
            if (!address.isEmpty()) {
                addresses.add(address);
            }
        }
        return addresses;
    }

    private static String address(String mailbox) {
        StringBuilder outside = new StringBuilder();
        StringBuilder angle = null;
        Scanner s = new Scanner();
        for (int i = 0; i < mailbox.length(); i++) {
            char c = mailbox.charAt(i);
            boolean top = s.step(c);
            if (top && c == '<' && angle == null) {
                angle = new StringBuilder();
            } else if (top && c == '>' && angle != null) {
                return angle.toString().strip();
            } else if (angle != null) {
                angle.append(c);
            } else if (top) {
                outside.append(c);
            }
        }
        String bare = outside.toString().strip();
        return bare.isEmpty() ? mailbox.strip() : bare;
    }

    private static List<String> topLevelSplit(String body) {
        List<String> parts = new ArrayList<>();
        Scanner s = new Scanner();
        int start = 0;
        boolean inAngle = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (s.step(c)) {
                inAngle = c == '<' || (inAngle && c != '>');
                if (c == ',' && !inAngle) {
                    parts.add(body.substring(start, i));
                    start = i + 1;
                }
            }
        }
        parts.add(body.substring(start));
        return parts;
    }

    /** Tracks quoted strings, escapes and nested comments; tells whether a character stands at the top level. */
    private static final class Scanner {
        private boolean quoted;
        private boolean escaped;
        private int depth;

        boolean step(char c) {
            if (escaped) {
                escaped = false;
                return false;
            }
            if (c == '\\' && (quoted || depth > 0)) {
                escaped = true;
                return false;
            }
            if (quoted) {
                quoted = c != '"';
                return false;
            }
            if (c == '(') {
                depth++;
                return false;
            }
            if (depth > 0) {
                depth -= c == ')' ? 1 : 0;
                return false;
            }
            if (c == '"') {
                quoted = true;
                return false;
            }
            return true;
        }
    }
}
