package org.spoolmail.plugins.parse.smtp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.spoolmail.exits.mail.AddressList;
import org.spoolmail.exits.mail.HeaderField;
import org.spoolmail.exits.mail.HeaderSection;

/**
 * Qualifies dotless domains (JES node names) in the address header fields with the same default domain as the
 * envelope, so {@code From: Claims Batch <BATCH@NODE1>} agrees with {@code MAIL FROM:<BATCH@NODE1.example.com>}.
 * Only domains after an '@' outside quoted strings and comments change (RFC 5322 section 3.4); display names,
 * comments and address literals stay as written ({@link AddressList#withDomains}). A field that holds no address at
 * all (such as {@code TO: plan advisor}) is kept as written and reported, so the parser can note it in the trace.
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
                .filter(f -> !f.body().isEmpty() && !AddressList.holdsAddress(f.body())).toList();
    }

    private static boolean isAddressField(HeaderField f) {
        return AtSign.ADDRESS_FIELDS.stream().anyMatch(f::hasName);
    }

    private String qualify(String body) {
        return AddressList.withDomains(body, d -> d.indexOf('.') < 0 ? d + "." + defaultDomain.get() : d);
    }
}
