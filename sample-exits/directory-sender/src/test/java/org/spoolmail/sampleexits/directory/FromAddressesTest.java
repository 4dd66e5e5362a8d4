package org.spoolmail.sampleexits.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "plan advisor|'plan advisor' holds no address",
        "\"Payroll\"|'\"Payroll\"' holds no address",
        "(just a comment)|it holds no mailbox",
        "<ok@example.com> <ceo@example.com>|'<ok@example.com> <ceo@example.com>' holds 2 angle-addrs in one mailbox",
        "Ok <ok@example.com|'Ok <ok@example.com' has text after its angle-addr or no closing '>'",
        "ok@example.com ceo@example.com|'ok@example.com ceo@example.com': address local-part 'ok@example.com ceo'"
            + " holds '@', which an unquoted local-part may not hold (RFC 5322 section 3.2.3 atext)",
        "Team: a@example.com;|'Team: a@example.com;': address local-part 'Team: a' holds ':', which an"
            + " unquoted local-part may not hold (RFC 5322 section 3.2.3 atext)",
        "Boss@HQ <ceo@example.com>|'Boss@HQ <ceo@example.com>' has a display name that is not an RFC 5322 phrase",
        "a@example.com,,b@example.com|it holds an empty mailbox (two commas in a row, or one at an end)",
        "\"open quote <a@example.com>|a quoted string is not closed"})
    void parseShouldRefuseSayingWhyWhenTheBodyIsNotACleanMailboxList(String body, String reason) {
        assertEquals(reason, assertThrows(IllegalArgumentException.class, () -> FromAddresses.parse(body))
                .getMessage());
    }
}
