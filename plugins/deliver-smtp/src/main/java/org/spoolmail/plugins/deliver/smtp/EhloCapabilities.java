package org.spoolmail.plugins.deliver.smtp;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The service extensions a relay offered in its EHLO reply (RFC 5321 section 4.1.1.1): each line after the first
 * is a keyword and its parameters. Keywords and AUTH mechanisms are compared in upper case. After HELO (no EHLO)
 * nothing is offered: {@link #NONE}.
 *
 * @param keywords the keywords in upper case, e.g. 8BITMIME, SMTPUTF8, PIPELINING, STARTTLS
 * @param authMechanisms the SASL mechanisms of the AUTH line (or the old {@code AUTH=} form), upper case
 * @param maxSize the SIZE limit in octets (RFC 1870), empty when not offered or 0 (no limit)
 */
record EhloCapabilities(Set<String> keywords, Set<String> authMechanisms, OptionalLong maxSize) {

    /** What a relay that answered only HELO offers. */
    static final EhloCapabilities NONE = new EhloCapabilities(Set.of(), Set.of(), OptionalLong.empty());

    EhloCapabilities {
        keywords = Set.copyOf(keywords);
        authMechanisms = Set.copyOf(authMechanisms);
    }

    /**
     * Parses an EHLO reply.
     *
     * @param reply the 250 reply; its first line is the relay's greeting
     * @return the capabilities
     */
    static EhloCapabilities parse(ServerReply reply) {
        Set<String> keywords = new LinkedHashSet<>();
        Set<String> auth = new LinkedHashSet<>();
        OptionalLong size = OptionalLong.empty();
        List<String> lines = reply.lines();
        for (String line : lines.subList(1, lines.size())) {
            String[] words = line.strip().toUpperCase(Locale.ROOT).split("[ =]+");
            if (words.length == 0 || words[0].isEmpty()) {
                continue;
            }
            keywords.add(words[0]);
            if (words[0].equals("AUTH")) {
                auth.addAll(List.of(words).subList(1, words.length));
            } else if (words[0].equals("SIZE") && words.length > 1 && words[1].matches("\\d{1,18}")) {
                long limit = Long.parseLong(words[1]);
                size = limit > 0 ? OptionalLong.of(limit) : OptionalLong.empty();
            }
        }
        return new EhloCapabilities(keywords, auth, size);
    }

    /** @return 8BITMIME (RFC 6152) was offered */
    boolean eightBitMime() {
        return keywords.contains("8BITMIME");
    }

    /** @return SMTPUTF8 (RFC 6531) was offered */
    boolean smtpUtf8() {
        return keywords.contains("SMTPUTF8");
    }

    /** @return STARTTLS (RFC 3207) was offered */
    boolean startTls() {
        return keywords.contains("STARTTLS");
    }

    /** @return PIPELINING (RFC 2920) was offered */
    boolean pipelining() {
        return keywords.contains("PIPELINING");
    }
}
