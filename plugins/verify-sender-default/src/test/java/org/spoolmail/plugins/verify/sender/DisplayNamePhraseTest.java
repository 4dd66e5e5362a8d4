package org.spoolmail.plugins.verify.sender;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DisplayNamePhraseTest {

    @Test
    void phraseShouldStayUnquotedWhenItIsAtomsSeparatedBySingleBlanks() {
        assertEquals("Lohnbüro O'Neil-Ops", DisplayNamePhrase.phrase("Lohnbüro O'Neil-Ops"));
    }

    @Test
    void phraseShouldBeQuotedWhenItHoldsSpecials() {
        assertEquals("\"Payroll (West) <ops>; J. Doe\"", DisplayNamePhrase.phrase("Payroll (West) <ops>; J. Doe"));
    }

    @Test
    void phraseShouldEscapeQuoteAndBackslashWhenQuoted() {
        assertEquals("\"a\\\\b \\\"c\\\"\"", DisplayNamePhrase.phrase("a\\b \"c\""));
    }

    @Test
    void phraseShouldBeQuotedWhenBlanksAreDoubledOrAtTheEnds() {
        assertEquals("\" Payroll  Office\"", DisplayNamePhrase.phrase(" Payroll  Office"));
    }

    @Test
    void nameAddrShouldPutTheAddressInAngleBracketsAfterThePhrase() {
        assertEquals("\"Payroll, West\" <payroll@example.com>",
                DisplayNamePhrase.nameAddr("Payroll, West", "payroll@example.com"));
    }
}
