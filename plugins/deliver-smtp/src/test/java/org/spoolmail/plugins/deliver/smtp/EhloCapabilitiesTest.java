package org.spoolmail.plugins.deliver.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

import org.junit.jupiter.api.Test;

class EhloCapabilitiesTest {

    @Test
    void parseShouldReadKeywordsSizeAndMechanismsWhenPostfixAnswers() {
        EhloCapabilities caps = EhloCapabilities.parse(new ServerReply(250, List.of("relay.example.com",
                "PIPELINING", "SIZE 10240000", "VRFY", "ETRN", "STARTTLS", "AUTH PLAIN login", "AUTH=PLAIN LOGIN",
                "ENHANCEDSTATUSCODES", "8bitmime", "DSN", "SMTPUTF8", "CHUNKING")));

        assertEquals(Set.of("PIPELINING", "SIZE", "VRFY", "ETRN", "STARTTLS", "AUTH", "ENHANCEDSTATUSCODES",
                "8BITMIME", "DSN", "SMTPUTF8", "CHUNKING"), caps.keywords());
        assertEquals(Set.of("PLAIN", "LOGIN"), caps.authMechanisms());
        assertEquals(OptionalLong.of(10240000), caps.maxSize());
        assertTrue(caps.eightBitMime() && caps.smtpUtf8() && caps.startTls() && caps.pipelining());
    }

    @Test
    void parseShouldOfferNothingWhenReplyHasOnlyGreeting() {
        EhloCapabilities caps = EhloCapabilities.parse(new ServerReply(250, List.of("tiny.example.com")));

        assertEquals(EhloCapabilities.NONE, caps);
        assertFalse(caps.eightBitMime() || caps.smtpUtf8() || caps.startTls() || caps.pipelining());
    }

    @Test
    void parseShouldTreatSizeZeroAsNoLimitWhenOffered() {
        EhloCapabilities caps = EhloCapabilities.parse(new ServerReply(250, List.of("x", "SIZE 0")));

        assertEquals(OptionalLong.empty(), caps.maxSize());
    }
}
