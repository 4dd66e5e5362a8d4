package org.spoolmail.plugins.parse.rfc5322;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an address-list field body (RFC 5322 section 3.4) into its addr-specs: {@code "Doe, Jane" <jane@x.org>,
 * bob@y.org (Bob), team: a@z.org, b@z.org;}. Commas inside quoted strings, comments and angle brackets do not
 * divide; a group's display name and its closing ';' are dropped; comments are removed.
 */
final class AddressList {

    private AddressList() {
    }

    /**
     * @param body the field body
     * @return the addr-specs in order, as written (not yet checked)
     */
    static List<String> addrSpecs(String body) {
        List<String> specs = new ArrayList<>();
        for (String member : members(body)) {
            String spec = spec(member);
            if (!spec.isEmpty()) {
                specs.add(spec);
            }
        }
        return specs;
    }

    /** The members between top-level commas, group names and ';' removed. */
    private static List<String> members(String body) {
        List<String> members = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        int comment = 0;
        boolean angle = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && (quoted || comment > 0) && i + 1 < body.length()) {
                current.append(c).append(body.charAt(++i));
                continue;
            }
            if (quoted) {
                quoted = c != '"';
            } else if (c == '"' && comment == 0) {
                quoted = true;
            } else if (c == '(') {
                comment++;
                continue;
            } else if (c == ')' && comment > 0) {
                comment--;
                continue;
            } else if (comment == 0 && (c == '<' || c == '>')) {
                angle = c == '<';
            } else if (comment == 0 && !angle && (c == ',' || c == ';')) {
                members.add(current.toString());
                current.setLength(0);
                continue;
            } else if (comment == 0 && !angle && c == ':') {
                current.setLength(0);
                continue;
            }
            if (comment == 0) {
                current.append(c);
            }
        }
        members.add(current.toString());
        return members;
    }

    private static String spec(String member) {
        int open = member.lastIndexOf('<');
        int close = member.lastIndexOf('>');
        if (open >= 0 && close > open) {
            return member.substring(open + 1, close).strip();
        }
        return member.strip();
    }
}
