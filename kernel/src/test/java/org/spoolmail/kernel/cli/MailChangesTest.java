package org.spoolmail.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.spoolmail.exits.fake.MailObjects;
import org.spoolmail.exits.mail.Attributes;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.TraceEntry;

class MailChangesTest {

    private static final Attributes ADMITTED = Attributes.EMPTY.with("original-forward-paths",
            "<a@example.com>,<x@gmail.com>,<y@gmail.com>");

    @Test
    void dropsShouldTakeRoutineAndReasonFromTheDroppedByAttributesWhenTheTraceTextNamesOtherRoutines() {
        MailObject mail = MailObjects.builder().to("a@example.com").build()
                .withAttributes(ADMITTED.with("dropped-by:<x@gmail.com>", "domain-policy: gmail.com: not allowed")
                        .with("dropped-by:<y@gmail.com>", "size-limit: "))
                .withTrace(replace("domain-policy", "gmail.com: not allowed (dropped <x@gmail.com>)"))
                .withTrace(replace("size-limit", " (dropped <y@gmail.com>)"))
                .withTrace(replace("later", "quoted an earlier note (dropped <x@gmail.com>, <y@gmail.com>)"));

        assertEquals(List.of(new MailChanges.Drop("<x@gmail.com>", "domain-policy", "gmail.com: not allowed"),
                new MailChanges.Drop("<y@gmail.com>", "size-limit", "")), MailChanges.drops(mail));
    }

    @Test
    void dropsShouldNameAStageWhenAPathLeftTheEnvelopeWithoutDroppedByAttribute() {
        MailObject mail = MailObjects.builder().to("a@example.com").to("y@gmail.com").build()
                .withAttributes(ADMITTED)
                .withTrace(replace("domain-policy", "gmail.com: not allowed (dropped <x@gmail.com>)"));

        assertEquals(List.of(new MailChanges.Drop("<x@gmail.com>", "a stage", "removed from the envelope")),
                MailChanges.drops(mail));
    }

    private static TraceEntry replace(String routine, String reason) {
        return new TraceEntry("verify-recipients", Optional.of(routine), "REPLACE", reason, Duration.ZERO);
    }
}
