package org.spoolmail.sampleexits.domain;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.spoolmail.exits.config.ConfigKey;
import org.spoolmail.exits.mail.AddressPattern;

/**
 * Allowed and denied domain patterns for one side (senders or recipients). A domain passes when it matches no
 * denied pattern and, if there are allowed patterns, at least one of them: deny wins. Patterns are compared whole
 * and ignoring case; {@code *} is any run of characters, so {@code *.example.com} matches {@code a.example.com} and
 * {@code a.b.example.com} but neither {@code example.com} nor {@code badexample.com}.
 *
 * @param allow the allowed patterns; empty allows every domain not denied
 * @param deny the denied patterns
 */
record DomainList(List<AddressPattern> allow, List<AddressPattern> deny) {

    /** A domain name (letters, digits, hyphens, dots) or a whole RFC 5321 address literal, with * and ?. */
    private static final Pattern DOMAIN_PATTERN = Pattern.compile(
            "[A-Za-z0-9*?.-]+|\\[(?:[0-9*?.]+|IPv6:[0-9A-Fa-f*?:.]+)\\]");

    DomainList {
        allow = List.copyOf(allow);
        deny = List.copyOf(deny);
    }

    /**
     * A configuration key holding domain patterns, checked when pipeline.yaml is loaded.
     *
     * @param name the key, e.g. {@code allow-sender-domains}
     * @return the key; empty list by default
     */
    static ConfigKey<List<AddressPattern>> key(String name) {
        return new ConfigKey<>(name, Optional.of(List.of()), false, "a list of domain patterns such as *.example.com",
                raw -> ConfigKey.stringList(name, null).convert(raw).stream().map(DomainList::pattern).toList());
    }

    /** @return true when neither list has a pattern: this side is not checked */
    boolean isEmpty() {
        return allow.isEmpty() && deny.isEmpty();
    }

    /**
     * Checks a domain.
     *
     * @param domain the domain of an address
     * @return why it is refused ({@code matches deny pattern x} or {@code is not allowed}), or empty if it passes
     */
    Optional<String> refusal(String domain) {
        Optional<AddressPattern> denied = deny.stream().filter(p -> p.matches(domain)).findFirst();
        if (denied.isPresent()) {
            return Optional.of("matches the denied pattern " + denied.get());
        }
        if (!allow.isEmpty() && allow.stream().noneMatch(p -> p.matches(domain))) {
            return Optional.of("matches no allowed pattern");
        }
        return Optional.empty();
    }

    private static AddressPattern pattern(String text) {
        if (!DOMAIN_PATTERN.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a domain pattern such as example.com or"
                    + " *.example.com");
        }
        return AddressPattern.of(text);
    }
}
