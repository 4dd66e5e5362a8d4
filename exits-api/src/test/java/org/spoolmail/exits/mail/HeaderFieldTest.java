package org.spoolmail.exits.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeaderFieldTest {

    @Test
    void constructorShouldStripOnlyBlanksAndTabsWhenTheBodyIsPadded() {
        assertEquals("Daily report", new HeaderField("Subject", " \t Daily report \t ").body());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "000C|header field Subject at position 7: control character U+000C is refused in a header field",
        "000B|header field Subject at position 7: control character U+000B is refused in a header field",
        "001C|header field Subject at position 7: control character U+001C is refused in a header field",
        "001F|header field Subject at position 7: control character U+001F is refused in a header field",
        "000D|header field Subject at position 7: CR (U+000D) is a line break: a line break in a header field is"
            + " refused",
        "000A|header field Subject at position 7: LF (U+000A) is a line break: a line break in a header field is"
            + " refused",
        "2028|header field Subject at position 7: U+2028 is a line break: a line break in a header field is refused",
        "0085|header field Subject at position 7: NEL (U+0085) is a line break: a line break in a header field is"
            + " refused (is the input in another code page? see --codepage)",
        "009A|header field Subject at position 7: control character U+009A is refused in a header field (is the"
            + " input in another code page? see --codepage)"})
    void constructorShouldRefuseNamingTheCharacterWhenItEndsTheBody(String hex, String message) {
        String body = "Report" + (char) Integer.parseInt(hex, 16);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new HeaderField("Subject", body));

        assertEquals(message, e.getMessage());
    }

    @Test
    void constructorShouldRefuseAControlCharacterWhenItStandsInsideTheBody() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new HeaderField("Subject", "a\u0001b"));

        assertEquals("header field Subject at position 2: control character U+0001 is refused in a header field",
                e.getMessage());
    }
}
