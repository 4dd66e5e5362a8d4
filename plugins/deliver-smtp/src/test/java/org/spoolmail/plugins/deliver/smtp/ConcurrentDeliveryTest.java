package org.spoolmail.plugins.deliver.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.spoolmail.exits.StageOutcome;
import org.spoolmail.exits.mail.Disposition;

/** One stage instance called from several threads at once: each caller gets a session of its own from the pool. */
class ConcurrentDeliveryTest {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path base;

    @Test
    void processShouldDeliverEveryMessageWhenFourThreadsShareTheStage() throws Exception {
        try (TestStages stages = new TestStages(base)) {
            SmtpDeliveryStage stage = stages.start(GREEN_MAIL.getSmtp().getPort(), Map.of());
            ExecutorService workers = Executors.newFixedThreadPool(4);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Disposition.Kind>> results = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String recipient = "user" + i + "@example.com";
                results.add(workers.submit(() -> {
                    start.await();
                    StageOutcome outcome = stage.process(SmtpDeliveryStageTest.mail(recipient));
                    return ((StageOutcome.Stop) outcome).disposition().kind();
                }));
            }
            start.countDown();
            List<Disposition.Kind> kinds = new ArrayList<>();
            for (Future<Disposition.Kind> f : results) {
                kinds.add(f.get());
            }
            workers.shutdown();

            assertEquals(java.util.Collections.nCopies(20, Disposition.Kind.DELIVERED), kinds);
            assertEquals(20, GREEN_MAIL.getReceivedMessages().length);
            assertEquals(20, GREEN_MAIL.getUserManager().listUser().size());
        }
    }
}
