package org.spoolmail.exits.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CcsidTest {

    @ParameterizedTest
    @CsvSource({"37, @", "500, @", "1047, @", "1140, @", "273, §", "1141, §", "277, Ø", "1142, Ø", "278, Ö",
        "1143, Ö", "297, à", "1147, à", "871, Ð", "1149, Ð", "280, §", "284, @", "285, @"})
    void ofShouldMapX7cToTheNationalCharacterWhenGivenAnEbcdicCcsid(int number, String x7c) {
        Ccsid ccsid = Ccsid.of(number);

        assertEquals(x7c, new String(new byte[] {0x7C}, ccsid.charset()));
        assertTrue(ccsid.isEbcdic());
    }

    @Test
    void ofShouldMapTheSquareBracketsDifferentlyWhenCcsid37And1047Differ() {
        byte[] brackets = {(byte) 0xAD, (byte) 0xBD};

        assertEquals("[]", new String(brackets, Ccsid.of(1047).charset()));
        assertEquals("Ý¨", new String(brackets, Ccsid.of(37).charset()));
    }

    @Test
    void parseShouldReadLeadingZerosAsDecimalWhenYaml11WouldReadOctal() {
        assertEquals(1141, Ccsid.parse("01141").number());
        assertEquals(37, Ccsid.parse("037").number());
        assertFalse(Ccsid.parse("819").isEbcdic());
    }

    @Test
    void parseShouldRefuseUnknownAndNonNumericCcsids() {
        assertEquals("unknown CCSID 9999: this Java runtime has no charset for it",
                assertThrows(IllegalArgumentException.class, () -> Ccsid.parse("9999")).getMessage());
        assertEquals("not a CCSID: 'NO' (expected decimal digits such as 1047)",
                assertThrows(IllegalArgumentException.class, () -> Ccsid.parse("NO")).getMessage());
    }
}
