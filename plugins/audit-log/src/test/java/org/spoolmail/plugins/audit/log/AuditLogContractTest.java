package org.spoolmail.plugins.audit.log;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;

import org.spoolmail.exits.MailObserver;
import org.spoolmail.exits.contract.MailObserverContract;

/**
 * The observer SPI contract: records go to a temporary audit folder and are counted as lines of the day's file
 * (the fake clock's 2026-11-30), so every concurrent call must have left exactly one record.
 */
class AuditLogContractTest extends MailObserverContract {

    @Override
    protected MailObserver newExtension() {
        return new AuditLogObserver();
    }

    @Override
    protected Map<String, Object> validConfig() {
        return Map.of("directory", "audit", "fsync", "false");
    }

    @Override
    protected OptionalLong recordCount() throws Exception {
        Path file = baseDirectory.resolve("audit/audit-2026-11-30.jsonl");
        return OptionalLong.of(Files.exists(file) ? Files.readAllLines(file).stream().filter(l -> l.startsWith("{")
                && l.endsWith("}")).count() : 0);
    }
}
