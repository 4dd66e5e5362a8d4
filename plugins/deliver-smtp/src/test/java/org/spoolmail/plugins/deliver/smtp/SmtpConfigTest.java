package org.spoolmail.plugins.deliver.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SmtpConfigTest {

    @Test
    void defaultHeloNameShouldTakeTheQualifiedCanonicalNameWhenReverseLookupGivesOne() {
        assertEquals("mvs1.example.com", SmtpConfig.defaultHeloName("mvs1", "mvs1.example.com"));
    }

    @Test
    void defaultHeloNameShouldKeepTheHostNameWhenReverseLookupSaysLocalhost() {
        assertEquals("vm", SmtpConfig.defaultHeloName("vm", "localhost"));
        assertEquals("vm", SmtpConfig.defaultHeloName("vm", "localhost.localdomain"));
    }

    @Test
    void defaultHeloNameShouldKeepTheHostNameWhenReverseLookupGivesOnlyAnAddress() {
        assertEquals("batch7", SmtpConfig.defaultHeloName("batch7", "10.1.2.3"));
    }
}
