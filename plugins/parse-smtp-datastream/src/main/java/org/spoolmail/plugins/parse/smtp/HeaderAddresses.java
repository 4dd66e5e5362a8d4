package org.spoolmail.plugins.parse.smtp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.spoolmail.exits.mail.HeaderField;
import org.spoolmail.exits.mail.HeaderSection;

/**
 * Qualifies dotless domains (JES node names) in the address header fields with the same default domain as the
 * envelope, so {@code From: Claims Batch <BATCH@NODE1>} agrees with {@code MAIL FROM:<BATCH@NODE1.example.com>}.
 * Only domains after an '@' outside quoted strings and comments change (RFC 5322 section 3.4); display names,
 * comments and address literals stay as written. A field that holds no address at all (such as {@code TO: plan
 * advisor}) is kept as written and reported, so the parser can note it in the trace.
 */
final class HeaderAddresses {

    private final Optional<String> defaultDomain;

    /** @param defaultDomain the domain appended to dotless domains; empty to leave them as written */
    HeaderAddresses(Optional<String> defaultDomain) {
        this.defaultDomain = defaultDomain;
    }

    /**
     * Qualifies the address fields of a section.
     *
     * @param section the header section, national at-signs already read as '@'
     * @return the section with dotless domains qualified; the same section without a default domain
     */
    HeaderSection qualify(HeaderSection section) {
        if (defaultDomain.isEmpty()) {
            return section;
        }
        List<HeaderField> fields = new ArrayList<>();
        for (HeaderField f : section.fields()) {
            fields.add(isAddressField(f) ? new HeaderField(f.name(), qualify(f.body())) : f);
        }
        return new HeaderSection(fields);
    }

    /**
     * Finds the address fields that hold no address.
     *
     * @param section the header section
     * @return those fields, in order
     */
    static List<HeaderField> withoutAddress(HeaderSection section) {
        return section.fields().stream().filter(HeaderAddresses::isAddressField)
                .filter(f -> !f.body().isEmpty() && topLevel(f.body()).indexOf('@') < 0).toList();
    }

    private static boolean isAddressField(HeaderField f) {
        return AtSign.ADDRESS_FIELDS.stream().anyMatch(f::hasName);
    }

    private String qualify(String body) {
        StringBuilder b = new StringBuilder(body.length() + 32);
        Scanner s = new Scanner();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            b.append(c);
            if (s.top(c) && c == '@') {
                int end = i + 1;
                while (end < body.length() && isDomainChar(body.charAt(end))) {
                    end++;
                }
                String domain = body.substring(i + 1, end);
                b.append(domain);
                if (!domain.isEmpty() && domain.indexOf('.') < 0) {
                    b.append('.').append(defaultDomain.get());
                }
                i = end - 1;
            }
        }
        return b.toString();
    }

    private static String topLevel(String body) {
        StringBuilder b = new StringBuilder();
        Scanner s = new Scanner();
        for (char c : body.toCharArray()) {
            if (s.top(c)) {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean isDomainChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                || c >= 0xA0 && !Character.isSpaceChar(c);
    }

    /** Tracks quoted strings, escapes and nested comments; tells whether a character stands at the top level. */
    private static final class Scanner {
        private boolean quoted;
        private boolean escaped;
        private int depth;

        boolean top(char c) {
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
