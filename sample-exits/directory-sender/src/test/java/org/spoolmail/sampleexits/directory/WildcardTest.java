package org.spoolmail.sampleexits.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WildcardTest {

    @ParameterizedTest
    @CsvSource({
        "PAY*, PAYROLL1, true",
        "PAY*, PAY, true",
        "PAY*, payroll1, true",
        "PAY*, XPAY1, false",
        "PAY?, PAY1, true",
        "PAY?, PAY12, false",
        "*@reports.example.com, daily@reports.example.com, true",
        "*@reports.example.com, daily@REPORTS.EXAMPLE.COM, true",
        "*@reports.example.com, daily@reports.example.com.evil.org, false",
        "*@reports.example.com, daily@evilreports.example.com, false",
        "payroll@example.com, payroll@exampleXcom, false",
        "a+b@example.com, a+b@example.com, true",
        "a+b@example.com, aab@example.com, false",
        "[x]@example.com, [x]@example.com, true",
    })
    void matchesShouldFollowStarAndQuestionMarkIgnoringCaseWhenComparing(String pattern, String value,
            boolean expected) {
        assertEquals(expected, Wildcard.of(pattern).matches(value));
    }
}
