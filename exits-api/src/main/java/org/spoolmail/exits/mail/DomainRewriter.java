package org.spoolmail.exits.mail;

import java.util.function.UnaryOperator;

/** Rewrites the domains after each top-level '@' of a field body; see {@link AddressList#withDomains}. */
final class DomainRewriter {

    private DomainRewriter() {
    }

    static String rewrite(String body, UnaryOperator<String> rewrite) {
        StringBuilder b = new StringBuilder(body.length() + 32);
        FieldLexer lexer = new FieldLexer();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            b.append(c);
            if (lexer.step(c) && c == '@') {
                int end = i + 1;
                while (end < body.length() && isDomainChar(body.charAt(end))) {
                    end++;
                }
                String domain = body.substring(i + 1, end);
                b.append(domain.isEmpty() ? domain : rewrite.apply(domain));
                i = end - 1;
            }
        }
        return b.toString();
    }

    private static boolean isDomainChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                || c >= 0xA0 && !Character.isSpaceChar(c);
    }
}
