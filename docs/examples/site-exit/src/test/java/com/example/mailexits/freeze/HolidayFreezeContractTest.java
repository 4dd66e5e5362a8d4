package com.example.mailexits.freeze;

import java.util.List;
import java.util.Map;

import org.spoolmail.exits.MailExit;
import org.spoolmail.exits.contract.MailExitContract;

/** The checks every exit routine passes: schema, init with and without required keys, never null, thread-safe. */
class HolidayFreezeContractTest extends MailExitContract {

    @Override
    protected MailExit newExtension() {
        return new HolidayFreezeExit();
    }

    @Override
    protected Map<String, Object> validConfig() {
        return Map.of("first-day", "2026-11-30", "last-day", "2026-12-01", "exempt-users", List.of("OPS"));
    }
}
