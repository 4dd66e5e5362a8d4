package org.spoolmail.exits.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressListTest {

    @Test
    void parseShouldGiveDisplayNameAndAddressWhenTheMailboxIsANameAddr() {
        assertEquals(List.of(new NameAddr("Payroll", Mailbox.parse("payroll@example.com"))),
                AddressList.parse("\"Payroll\" <payroll@example.com>").mailboxes());
    }

    @Test
    void parseShouldIgnoreAnglesInsideQuotedDisplayNamesAndCommentsWhenFindingTheAddress() {
        assertEquals(List.of(new NameAddr("Payroll <payroll@example.com>", Mailbox.parse("ceo@example.com"))),
                AddressList.parse("(from <x@y>) \"Payroll <payroll@example.com>\" <ceo@example.com>").mailboxes());
    }

    @Test
    void parseShouldDropCommentsAndGiveNoNameWhenTheAddressIsBare() {
        assertEquals(List.of(new NameAddr("", Mailbox.parse("payroll@example.com"))),
                AddressList.parse("payroll@example.com (Payroll, Dept)").mailboxes());
    }

    @Test
    void parseShouldReturnEveryMailboxInOrderWhenTheFieldHoldsAList() {
        AddressList list = AddressList.parse("\"Smith, A\" <a@example.com>, b@example.com, C  D <c@example.com>");
        assertEquals(List.of(new NameAddr("Smith, A", Mailbox.parse("a@example.com")),
                new NameAddr("", Mailbox.parse("b@example.com")),
                new NameAddr("C D", Mailbox.parse("c@example.com"))), list.mailboxes());
        assertEquals(List.of(Mailbox.parse("a@example.com"), Mailbox.parse("b@example.com"),
                Mailbox.parse("c@example.com")), list.addresses());
    }

    @Test
    void parseShouldUnescapeQuotedPairsWhenReadingTheDisplayName() {
        assertEquals("Say \"hi\" \\ now", AddressList.parse("\"Say \\\"hi\\\" \\\\ now\" <a@example.com>")
                .mailboxes().get(0).displayName());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "plan advisor|'plan advisor' holds no address",
        "\"Payroll\"|'\"Payroll\"' holds no address",
        "(just a comment)|it holds no mailbox",
        "''|it holds no mailbox",
        "<ok@example.com> <ceo@example.com>|'<ok@example.com> <ceo@example.com>' holds 2 angle-addrs in one mailbox",
        "Ok <ok@example.com|'Ok <ok@example.com' has text after its angle-addr or no closing '>'",
        "Ok <ok@example.com> x|'Ok <ok@example.com> x' has text after its angle-addr or no closing '>'",
        "ok@example.com ceo@example.com|'ok@example.com ceo@example.com': address local-part 'ok@example.com ceo'"
            + " holds '@', which an unquoted local-part may not hold (RFC 5322 section 3.2.3 atext)",
        "Team: a@example.com;|'Team: a@example.com;': address local-part 'Team: a' holds ':', which an"
            + " unquoted local-part may not hold (RFC 5322 section 3.2.3 atext)",
        "Boss@HQ <ceo@example.com>|'Boss@HQ <ceo@example.com>' has a display name that is not an RFC 5322 phrase",
        "a@example.com,,b@example.com|it holds an empty mailbox (two commas in a row, or one at an end)",
        "a@example.com,|it holds an empty mailbox (two commas in a row, or one at an end)",
        "\"open quote <a@example.com>|a quoted string is not closed",
        "(open comment <a@example.com>|a comment is not closed",
        "A <>|'A <>': address has no '@': ''"})
    void parseShouldRefuseSayingWhyWhenTheBodyIsNotACleanMailboxList(String body, String reason) {
        assertEquals(reason, assertThrows(IllegalArgumentException.class, () -> AddressList.parse(body))
                .getMessage());
    }

    @Test
    void constructorShouldRefuseWhenTheListIsEmpty() {
        assertEquals("an address list holds at least one mailbox",
                assertThrows(IllegalArgumentException.class, () -> new AddressList(List.of())).getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "\"Doe, Jane\" <jane@x.org>, bob@y.org (Bob)          | jane@x.org;bob@y.org",
        "team: a@z.org, b@z.org;, c@z.org                     | a@z.org;b@z.org;c@z.org",
        "undisclosed-recipients:;                             | ''",
        "(from <x@y>) \"P <p@x.org>\" <ceo@x.org>            | ceo@x.org",
        "plan advisor                                         | plan advisor",
        "\"Payroll\"                                          | \"Payroll\"",
        "\"a b\"@x.org                                        | \"a b\"@x.org",
        "a(comment)@x.org                                     | a@x.org",
        "<ok@x.org> <ceo@x.org>                               | ok@x.org",
        "Ok <ok@x.org                                         | Ok <ok@x.org",
        "a@x.org,,b@x.org,                                    | a@x.org;b@x.org",
    })
    void addrSpecsShouldReturnWhatEachMemberNamesWhenReadingLeniently(String body, String expected) {
        List<String> want = expected.isEmpty() ? List.of() : List.of(expected.split(";"));
        assertEquals(want, AddressList.addrSpecs(body));
    }

    @Test
    void mailboxesInShouldSkipMembersThatAreNoAddressWhenReadingLeniently() {
        assertEquals(List.of(Mailbox.parse("a@x.org"), Mailbox.parse("c@x.org")),
                AddressList.mailboxesIn("A <a@x.org>, plan advisor, \"C\" <c@x.org>, <bad address@x.org>"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "\"Payroll\" <old@x.org>               | \"Payroll\" <new@y.org>",
        "Payroll Dept <old@x.org>              | Payroll Dept <new@y.org>",
        "<old@x.org>                           | <new@y.org>",
        "old@x.org                             | new@y.org",
        "old@x.org (Payroll Dept)              | new@y.org (Payroll Dept)",
        "(batch) old@x.org (Payroll)           | new@y.org (batch) (Payroll)",
        "old@x.org (a (nested) one)            | new@y.org (a (nested) one)",
        "\"Smith, J <boss>\" <old@x.org>       | \"Smith, J <boss>\" <new@y.org>",
        "(see <a@b>) \"P\" <old@x.org>         | (see <a@b>) \"P\" <new@y.org>",
        "Lohnbüro <old@x.org>                  | Lohnbüro <new@y.org>",
        "\"A\" <old@x.org>, \"B\" <b@x.org>    | \"A\" <new@y.org>",
        "a@x.org, b@x.org                      | new@y.org",
        "''                                    | new@y.org",
    })
    void withFirstAddressShouldReplaceTheAddrSpecAndKeepTheDisplayNameWhenRewriting(String body, String expected) {
        assertEquals(expected, AddressList.withFirstAddress(body, Mailbox.parse("new@y.org")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "Claims Batch <BATCH@NODE1>                  | Claims Batch <BATCH@NODE1.example.com>",
        "a@N1, b@host.example.org (at N2)            | a@N1.example.com, b@host.example.org (at N2)",
        "\"x@N1\" <a@N2>                             | \"x@N1\" <a@N2.example.com>",
        "a@[192.0.2.1]                               | a@[192.0.2.1]",
        "plan advisor                                | plan advisor",
    })
    void withDomainsShouldRewriteOnlyDomainsOutsideQuotesAndCommentsWhenQualifying(String body, String expected) {
        assertEquals(expected, AddressList.withDomains(body, d -> d.contains(".") ? d : d + ".example.com"));
    }

    @Test
    void holdsAddressShouldLookOnlyOutsideQuotedStringsAndCommentsWhenAsked() {
        assertTrue(AddressList.holdsAddress("A <a@x.org>"));
        assertFalse(AddressList.holdsAddress("plan advisor"));
        assertFalse(AddressList.holdsAddress("\"a@x.org\" (b@y.org)"));
    }

    @Test
    void nameAddrShouldRefuseNullPartsAndTellWhetherItHasADisplayName() {
        assertTrue(new NameAddr("P", Mailbox.parse("p@x.org")).hasDisplayName());
        assertFalse(new NameAddr("", Mailbox.parse("p@x.org")).hasDisplayName());
        assertThrows(NullPointerException.class, () -> new NameAddr(null, Mailbox.parse("p@x.org")));
        assertThrows(NullPointerException.class, () -> new NameAddr("P", null));
    }

    @Test
    void replaceInAddrSpecsShouldChangeAngleAddrsAndBareAddressesOnlyWhenTheBodyHasDisplayNamesAndComments() {
        assertEquals("\u00a7 Lohn <lohn@example.de>, kasse@example.de (\u00a7 5), \"a\u00a7b\" <c@example.de>",
                AddressList.replaceInAddrSpecs("\u00a7 Lohn <lohn\u00a7example.de>, kasse\u00a7example.de (\u00a7 5),"
                        + " \"a\u00a7b\" <c\u00a7example.de>", '\u00a7', '@'));
        assertEquals("Lohn \u00a7 Gehalt", AddressList.replaceInAddrSpecs("Lohn \u00a7 Gehalt", '\u00a7', '@'));
        assertEquals("\u00a7dept: a@x.de, b@x.de;", AddressList.replaceInAddrSpecs("\u00a7dept: a\u00a7x.de,"
                + " b\u00a7x.de;", '\u00a7', '@'));
    }
}
