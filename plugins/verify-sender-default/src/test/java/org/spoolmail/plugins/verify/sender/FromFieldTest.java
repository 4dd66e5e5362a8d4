package org.spoolmail.plugins.verify.sender;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spoolmail.exits.mail.Mailbox;

class FromFieldTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "\"Payroll\" <old@x.org>               | \"Payroll\" <new@y.org>",
        "Payroll Dept <old@x.org>              | Payroll Dept <new@y.org>",
        "<old@x.org>                           | <new@y.org>",
        "old@x.org                             | new@y.org",
        "old@x.org (Payroll Dept)              | new@y.org (Payroll Dept)",
        "(batch) old@x.org (Payroll)           | new@y.org (batch) (Payroll)",
        "\"Smith, J <boss>\" <old@x.org>       | \"Smith, J <boss>\" <new@y.org>",
        "(see <a@b>) \"P\" <old@x.org>         | (see <a@b>) \"P\" <new@y.org>",
        "Lohnbüro <old@x.org>                  | Lohnbüro <new@y.org>",
        "\"A\" <old@x.org>, \"B\" <b@x.org>    | \"A\" <new@y.org>",
        "a@x.org, b@x.org                      | new@y.org",
        "''                                    | new@y.org",
    })
    void withAddressShouldReplaceTheAddrSpecAndKeepTheDisplayNameWhenRewriting(String body, String expected) {
        assertEquals(expected, FromField.withAddress(body, Mailbox.parse("new@y.org")));
    }
}
