package org.spoolmail.exits.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MailboxTest {

    @ParameterizedTest
    @ValueSource(strings = {"wayne@bar.com", "o'brien+tag@example.org", "a.b.c@x-y.example.com", "BATCH@NODE1",
        "!#$%&'*+-/=?^_`{|}~@example.com", "\"john doe\"@example.com", "\"a@b\"@example.com",
        "\"a\\\"b\"@example.com", "user@[192.0.2.1]", "user@[IPv6:2001:db8::1]", "jörg@bücher.example",
        "δοκιμή@παράδειγμα.δοκιμή"})
    void parseShouldAcceptTheAddressWhenItIsAnRfc5321Mailbox(String address) {
        assertEquals(address, Mailbox.parse(address).toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "wayne,evil@bar.com|address local-part 'wayne,evil' holds ',', which an unquoted local-part may not hold"
            + " (RFC 5322 section 3.2.3 atext)",
        "a;b@bar.com|address local-part 'a;b' holds ';', which an unquoted local-part may not hold"
            + " (RFC 5322 section 3.2.3 atext)",
        "a(b)@bar.com|address local-part 'a(b)' holds '(', which an unquoted local-part may not hold"
            + " (RFC 5322 section 3.2.3 atext)",
        "a\"b@bar.com|address local-part 'a\"b' holds '\"', which an unquoted local-part may not hold"
            + " (RFC 5322 section 3.2.3 atext)",
        "evil@x.com@bar.com|address local-part 'evil@x.com' holds '@', which an unquoted local-part may not hold"
            + " (RFC 5322 section 3.2.3 atext)",
        ".wayne@bar.com|address local-part '.wayne' starts or ends with a dot or holds two dots in a row"
            + " (RFC 5322 section 3.2.3 dot-atom)",
        "a..b@bar.com|address local-part 'a..b' starts or ends with a dot or holds two dots in a row"
            + " (RFC 5322 section 3.2.3 dot-atom)",
        "wayne@bar,com|address domain 'bar,com' holds ',', which a domain may not hold (letters, digits and"
            + " hyphens in labels separated by dots, RFC 5321 section 4.1.2)",
        "wayne@bar_x.com|address domain 'bar_x.com' holds '_', which a domain may not hold (letters, digits and"
            + " hyphens in labels separated by dots, RFC 5321 section 4.1.2)",
        "wayne@bar..com|address domain 'bar..com' has an empty label: it starts or ends with a dot or holds two"
            + " dots in a row",
        "wayne@bar.com.|address domain 'bar.com.' has an empty label: it starts or ends with a dot or holds two"
            + " dots in a row",
        "wayne@-bar.com|address domain '-bar.com' has label '-bar' starting or ending with a hyphen"
            + " (RFC 5321 section 4.1.2)",
        "wayne@[1.2.3.4|address domain '[1.2.3.4' holds '[', which a domain may not hold (letters, digits and"
            + " hyphens in labels separated by dots, RFC 5321 section 4.1.2)",
        "wayne@[a[b]|address literal '[a[b]' holds '[', which an address literal may not hold"
            + " (RFC 5321 section 4.1.3)",
        "\"a\\\"@x.com|address local-part '\"a\\\"' holds '\\' not followed by a printable character,"
            + " which a quoted local-part may not hold (RFC 5321 section 4.1.2 Quoted-string)",
        "wayne|address has no '@': 'wayne'",
        "@bar.com|address local-part is empty",
        "wayne@|address domain is empty"})
    void parseShouldRefuseTheAddressNamingPartAndRuleWhenItIsNotAMailbox(String address, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Mailbox.parse(address));

        assertEquals(message, e.getMessage());
    }

    @Test
    void parseShouldRefuseABlankAndControlsNamingTheCodePointWhenUnquoted() {
        assertEquals("address local-part 'a b' holds a blank (U+0020), which an unquoted local-part may not hold"
                + " (RFC 5322 section 3.2.3 atext)",
                assertThrows(IllegalArgumentException.class, () -> Mailbox.parse("a b@x.com")).getMessage());
        assertEquals("address domain 'x\\u0085.com' holds control or blank character U+0085, which a domain may"
                + " not hold (letters, digits and hyphens in labels separated by dots, RFC 5321 section 4.1.2)",
                assertThrows(IllegalArgumentException.class, () -> Mailbox.parse("a@x\u0085.com")).getMessage());
    }

    @Test
    void parseShouldRefuseACarriageReturnWhenInsideAQuotedLocalPart() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Mailbox.parse("\"a\rb\"@x.com"));

        assertEquals("address local-part '\"a\\u000Db\"' holds control or blank character U+000D, which a quoted"
                + " local-part may not hold (RFC 5321 section 4.1.2 Quoted-string)", e.getMessage());
    }

    @Test
    void isQualifiedShouldBeFalseWhenTheDomainIsAJesNodeName() {
        assertFalse(Mailbox.parse("BATCH@NODE1").isQualified());
        assertTrue(Mailbox.parse("BATCH@NODE1.example.com").isQualified());
        assertTrue(Mailbox.parse("BATCH@[192.0.2.1]").isQualified());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "payroll@example.com        | payroll@example.com",
        "\"payroll\"@example.com      | payroll@example.com",
        "\"pay\\roll\"@EXAMPLE.COM    | payroll@example.com",
        "\"pay.roll\"@example.com     | pay.roll@example.com",
        "\"a b\"@example.com          | \"a b\"@example.com",
        "\"a\\ b\"@example.com         | \"a b\"@example.com",
        "\"a..b\"@example.com         | \"a..b\"@example.com",
        "Payroll@Example.COM        | Payroll@example.com"})
    void canonicalShouldGiveTheSimplestSpellingWhenTheLocalPartIsQuotedOrTheDomainHasCapitals(String address,
            String canonical) {
        assertEquals(canonical, Mailbox.parse(address).canonical().toString());
        assertEquals(canonical, Mailbox.canonical(address));
    }

    @Test
    void sameAsShouldBeTrueWhenAQuotedLocalPartNeedsNoQuoting() {
        assertTrue(Mailbox.parse("\"payroll\"@example.com").sameAs(Mailbox.parse("payroll@EXAMPLE.com")));
        assertFalse(Mailbox.parse("Payroll@example.com").sameAs(Mailbox.parse("payroll@example.com")));
        assertFalse(Mailbox.parse("\"pay roll\"@example.com").sameAs(Mailbox.parse("payroll@example.com")));
    }
}
