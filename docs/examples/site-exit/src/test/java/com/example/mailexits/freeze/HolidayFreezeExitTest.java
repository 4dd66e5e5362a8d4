package com.example.mailexits.freeze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.spoolmail.exits.ExitDecision;
import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.fake.FakeStageContext;
import org.spoolmail.exits.fake.MailObjects;
import org.spoolmail.exits.mail.Identity;
import org.spoolmail.exits.mail.SmtpReply;

/** FakeStageContext's clock stands at 2026-11-30T09:00:00Z, so the dates below decide the outcome. */
class HolidayFreezeExitTest {

    @Test
    void decideShouldDeferWhenTodayIsInTheFreezeAndTheUserIsNotExempt() throws Exception {
        HolidayFreezeExit exit = exit("2026-11-28", "2026-12-01");

        assertEquals(ExitDecision.defer(SmtpReply.of(451, "4.3.2", "batch mail is frozen until 2026-12-01"),
                "change freeze 2026-11-28 to 2026-12-01: BATCH1 is not exempt"),
                exit.decide(MailObjects.builder().build()));
    }

    @Test
    void decideShouldContinueWhenTheUserIsExempt() throws Exception {
        HolidayFreezeExit exit = exit("2026-11-30", "2026-11-30");

        assertEquals(new ExitDecision.Continue("ops is exempt from the change freeze"),
                exit.decide(MailObjects.builder().identity(Identity.of("ops", "SYS1", "test")).build()));
    }

    @Test
    void decideShouldContinueWhenTodayIsOutsideTheFreeze() throws Exception {
        HolidayFreezeExit exit = exit("2026-12-24", "2026-12-26");

        assertEquals(new ExitDecision.Continue("no change freeze on 2026-11-30"),
                exit.decide(MailObjects.builder().build()));
    }

    @Test
    void initShouldFailWhenTheLastDayIsBeforeTheFirst() {
        HolidayFreezeExit exit = new HolidayFreezeExit();

        PermanentStageException e = assertThrows(PermanentStageException.class, () -> exit.init(
                FakeStageContext.of(exit, Map.of("first-day", "2026-12-26", "last-day", "2026-12-24"), Path.of("."))));

        assertEquals("last-day 2026-12-24 is before first-day 2026-12-26", e.getMessage());
    }

    private static HolidayFreezeExit exit(String first, String last) throws PermanentStageException {
        HolidayFreezeExit exit = new HolidayFreezeExit();
        exit.init(FakeStageContext.of(exit, Map.of("first-day", first, "last-day", last,
                "exempt-users", List.of("OPS")), Path.of(".")));
        return exit;
    }
}
