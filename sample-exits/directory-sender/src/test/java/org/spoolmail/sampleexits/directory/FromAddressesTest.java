package org.spoolmail.sampleexits.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class FromAddressesTest {

    @Test
    void parseShouldTakeTheAngleAddressWhenThereIsADisplayName() {
        assertEquals(List.of("payroll@example.com"), FromAddresses.parse("\"Payroll\" <payroll@example.com>"));
    }

    @Test
    void parseShouldIgnoreAnglesInsideQuotedDisplayNamesAndComments() {
        assertEquals(List.of("ceo@example.com"),
                FromAddresses.parse("(from <x@y>) \"Payroll <payroll@example.com>\" <ceo@example.com>"));
    }

    @Test
    void parseShouldDropCommentsWhenTheAddressIsBare() {
        assertEquals(List.of("payroll@example.com"), FromAddresses.parse("payroll@example.com (Payroll, Dept)"));
    }

    @Test
    void parseShouldReturnEveryAuthorWhenTheFieldHoldsAList() {
        assertEquals(List.of("a@example.com", "b@example.com", "c@example.com"),
                FromAddresses.parse("\"Smith, A\" <a@example.com>, b@example.com, C <c@example.com>"));
    }

    @Test
    void parseShouldReturnTheTextWhenItHoldsNoAddress() {
        assertEquals(List.of("plan advisor"), FromAddresses.parse("plan advisor"));
        assertEquals(List.of("\"Payroll\""), FromAddresses.parse("\"Payroll\""));
    }

    @Test
    void parseShouldReturnNothingWhenTheBodyIsEmpty() {
        assertEquals(List.of(), FromAddresses.parse(""));
    }
}
