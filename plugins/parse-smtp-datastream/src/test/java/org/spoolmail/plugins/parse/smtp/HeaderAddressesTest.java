package org.spoolmail.plugins.parse.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spoolmail.exits.mail.HeaderField;
import org.spoolmail.exits.mail.HeaderSection;

class HeaderAddressesTest {

    private final HeaderAddresses addresses = new HeaderAddresses(Optional.of("example.com"));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Claims Batch <BATCH@NODE1>|Claims Batch <BATCH@NODE1.example.com>",
        "BATCH@NODE1, ops@example.org|BATCH@NODE1.example.com, ops@example.org",
        "\"Batch @NODE1\" <a@NODE2> (sent @NODE3)|\"Batch @NODE1\" <a@NODE2.example.com> (sent @NODE3)",
        "a@[192.0.2.1]|a@[192.0.2.1]",
        "Team: x@NODE1, y@host.example.org;|Team: x@NODE1.example.com, y@host.example.org;"})
    void qualifyShouldAppendTheDefaultDomainWhenAnAddressDomainHasNoDot(String body, String expected) {
        HeaderSection section = new HeaderSection(List.of(new HeaderField("Cc", body),
                new HeaderField("Subject", "report @NODE1")));

        assertEquals(List.of(new HeaderField("Cc", expected), new HeaderField("Subject", "report @NODE1")),
                addresses.qualify(section).fields());
    }

    @Test
    void withoutAddressShouldFindAFieldThatIsOnlyAPhrase() {
        HeaderSection section = new HeaderSection(List.of(new HeaderField("TO", "plan advisor"),
                new HeaderField("From", "\"x@y\" <a@b.example>"), new HeaderField("Cc", "\"a@b\" (c@d)")));

        assertEquals(List.of(new HeaderField("TO", "plan advisor"), new HeaderField("Cc", "\"a@b\" (c@d)")),
                HeaderAddresses.withoutAddress(section));
    }
}
