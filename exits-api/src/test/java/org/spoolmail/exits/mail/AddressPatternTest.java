package org.spoolmail.exits.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressPatternTest {

    @ParameterizedTest
    @CsvSource({
        "PAY*, PAYROLL1, true",
        "PAY*, PAY, true",
        "PAY*, payroll1, true",
        "PAY*, XPAY1, false",
        "PAY?, PAY1, true",
        "PAY?, PAY12, false",
        "PAY?, PAY, false",
        "*@reports.example.com, daily@reports.example.com, true",
        "*@reports.example.com, daily@REPORTS.EXAMPLE.COM, true",
        "*@reports.example.com, daily@reports.example.com.evil.org, false",
        "*@reports.example.com, daily@evilreports.example.com, false",
        "*.example.com, mail.example.com, true",
        "*.example.com, example.com, false",
        "payroll@example.com, payroll@exampleXcom, false",
        "a+b@example.com, a+b@example.com, true",
        "a+b@example.com, aab@example.com, false",
        "[x]@example.com, [x]@example.com, true",
        "[x]@example.com, x@example.com, false",
        "*, anything@at.all, true",
        "LOHNBÜRO@example.com, lohnbüro@EXAMPLE.com, true",
        "image/*, image/png, true",
        "image/*, application/png, false",
    })
    void matchesShouldFollowStarAndQuestionMarkIgnoringCaseWhenComparing(String pattern, String value,
            boolean expected) {
        assertEquals(expected, AddressPattern.of(pattern).matches(value));
    }

    @Test
    void matchesShouldCompareTheWholeAddressWhenGivenAMailbox() {
        assertTrue(AddressPattern.of("*@Example.COM").matches(Mailbox.parse("Payroll@example.com")));
        assertFalse(AddressPattern.of("payroll@*").matches(Mailbox.parse("xpayroll@example.com")));
    }

    @Test
    void matchesShouldNotTakeAQuestionMarkForALineEndWhenTheValueHoldsOne() {
        assertTrue(AddressPattern.of("a?b").matches("a\nb"));
        assertFalse(AddressPattern.of("ab").matches("ab\n"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "PAY*|true",
        "PAY?|true",
        "payroll@example.com|false",
    })
    void hasWildcardShouldTellWhenThePatternHoldsStarOrQuestionMark(String pattern, boolean expected) {
        assertEquals(expected, AddressPattern.of(pattern).hasWildcard());
    }

    @Test
    void ofShouldRefuseNamingTheCharacterWhenThePatternHoldsABlankOrControl() {
        assertEquals("address pattern is empty",
                assertThrows(IllegalArgumentException.class, () -> AddressPattern.of("")).getMessage());
        assertEquals("address pattern 'a b@x' holds a blank (U+0020), which no address, domain or name may hold",
                assertThrows(IllegalArgumentException.class, () -> AddressPattern.of("a b@x")).getMessage());
        assertEquals("address pattern 'a\\u000Ab' holds control or blank character U+000A, which no address,"
                + " domain or name may hold",
                assertThrows(IllegalArgumentException.class, () -> AddressPattern.of("a\nb")).getMessage());
        assertThrows(NullPointerException.class, () -> AddressPattern.of(null));
    }

    @Test
    void equalsShouldCompareTheTextAsWrittenWhenTwoPatternsAreCompared() {
        assertEquals(AddressPattern.of("PAY*"), AddressPattern.of("PAY*"));
        assertEquals(AddressPattern.of("PAY*").hashCode(), AddressPattern.of("PAY*").hashCode());
        assertNotEquals(AddressPattern.of("PAY*"), AddressPattern.of("pay*"));
        assertEquals("PAY*", AddressPattern.of("PAY*").toString());
    }
}
