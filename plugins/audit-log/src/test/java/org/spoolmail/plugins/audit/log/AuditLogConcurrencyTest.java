package org.spoolmail.plugins.audit.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spoolmail.exits.fake.FakeStageContext;
import org.spoolmail.exits.fake.MailObjects;
import org.spoolmail.exits.mail.Disposition;
import org.spoolmail.exits.mail.MailObject;

class AuditLogConcurrencyTest {

    private static final int THREADS = 8;
    private static final int RECORDS_PER_THREAD = 50;

    @Test
    void observeShouldWriteEveryRecordWholeWhenCalledFromManyThreads(@TempDir Path base) throws Exception {
        AuditLogObserver observer = new AuditLogObserver();
        observer.init(FakeStageContext.of(observer, Map.of("directory", "audit"), base));
        Set<String> expected = new HashSet<>();
        List<List<MailObject>> work = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            List<MailObject> mine = new ArrayList<>();
            for (int r = 0; r < RECORDS_PER_THREAD; r++) {
                MailObject mail = MailObjects.builder().id("T" + t + "R" + r).header("Subject", "record " + r)
                        .build();
                mine.add(mail);
                expected.add(AuditRecord.toJson(mail, Disposition.discarded("load"), FIXED));
            }
            work.add(mine);
        }

        runConcurrently(observer, work);
        observer.close();

        List<String> lines = Files.readAllLines(base.resolve("audit/audit-2026-11-30.jsonl"), StandardCharsets.UTF_8);
        assertEquals(THREADS * RECORDS_PER_THREAD, lines.size());
        assertEquals(expected, new HashSet<>(lines));
    }

    private static final Instant FIXED = FakeStageContext.FIXED_CLOCK.instant();

    private static void runConcurrently(AuditLogObserver observer, List<List<MailObject>> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (List<MailObject> mine : work) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (MailObject mail : mine) {
                        observer.observe(mail, Disposition.discarded("load"));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<Void> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
