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

    @Test
    void decodeShouldRefuseLatin1OctetsWhenReadAsUtf8() {
        byte[] latin1 = "Subject: Gr\u00fc\u00dfe".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

        UndecodableTextException e = assertThrows(UndecodableTextException.class, () -> Ccsid.UTF_8.decode(latin1));

        assertEquals("octet x'FC' at column 12 is not valid text in CCSID 1208 (UTF-8)"
                + " (is the input in another code page? see --codepage)", e.getMessage());
        assertEquals(12, e.column());
        assertEquals("FC", e.octets());
    }

    @Test
    void decodeShouldRefuseUtf8SequencesWhenReadAsUsAscii() {
        byte[] utf8 = "M\u00fcller".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        UndecodableTextException e = assertThrows(UndecodableTextException.class,
                () -> Ccsid.US_ASCII.decode(utf8));

        assertEquals("octet x'C3' at column 2 is not valid text in CCSID 367 (US-ASCII)"
                + " (is the input in another code page? see --codepage)", e.getMessage());
    }

    @Test
    void decodeShouldNameEveryOctetWhenATruncatedSequenceEndsTheRecord() {
        byte[] truncated = {'a', (byte) 0xE2, (byte) 0x82};

        UndecodableTextException e = assertThrows(UndecodableTextException.class,
                () -> Ccsid.UTF_8.decode(truncated));

        assertEquals("octets x'E282' at column 2 are not valid text in CCSID 1208 (UTF-8)"
                + " (is the input in another code page? see --codepage)", e.getMessage());
    }

    @Test
    void decodeShouldReturnTheTextWhenTheOctetsAreValid() throws Exception {
        assertEquals("M\u00fcller \u20ac", Ccsid.UTF_8.decode(
                "M\u00fcller \u20ac".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals("M\u00fcller", Ccsid.of(1047).decode(new byte[] {(byte) 0xD4, (byte) 0xDC, (byte) 0x93,
            (byte) 0x93, (byte) 0x85, (byte) 0x99}));
        assertEquals("", Ccsid.UTF_8.decode(new byte[0]));
    }

    @Test
    void decodeShouldNameTheCharsetWhenDecodingByCharsetName() {
        UndecodableTextException e = assertThrows(UndecodableTextException.class,
                () -> Ccsid.decode(new byte[] {(byte) 0xC3, '('}, java.nio.charset.StandardCharsets.UTF_8));

        assertEquals("octet x'C3' at column 1 is not valid text in charset UTF-8"
                + " (is the input in another code page? see --codepage)", e.getMessage());
    }
}
