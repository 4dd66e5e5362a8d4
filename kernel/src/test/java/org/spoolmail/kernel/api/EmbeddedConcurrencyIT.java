package org.spoolmail.kernel.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.spoolmail.exits.ExitDecision;
import org.spoolmail.exits.MailExit;
import org.spoolmail.exits.mail.Disposition;
import org.spoolmail.exits.mail.ForwardPath;
import org.spoolmail.exits.mail.RecipientResult;

/**
 * One embedded kernel, 8 threads, 1,000 messages each, through the real plugins (deliver-smtp with its session pool)
 * and an in-code exit routine to GreenMail: every message arrives exactly once, each result names its own
 * forward-paths as accepted, and no submit throws.
 */
class EmbeddedConcurrencyIT {

    private static final int THREADS = 8;
    private static final int PER_THREAD = 1_000;

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    @Test
    void submitShouldDeliverEveryMessageExactlyOnceWhenEightThreadsShareOneKernel() throws Exception {
        MailExit continueAll = mail -> ExitDecision.proceed();
        List<Future<List<String>>> workers = new ArrayList<>();
        try (Spoolmail spoolmail = Spoolmail.builder()
                .pipeline(EmbeddedPipelines.pipeline(EmbeddedPipelines.smtp(smtp.getSmtp().getPort()),
                        List.of("observe-only"), true), dir)
                .pluginsDirectory(EmbeddedPipelines.plugins(dir))
                .extension(MailExit.class, "observe-only", () -> continueAll)
                .build()) {
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                workers.add(pool.submit(() -> submitAll(spoolmail, thread)));
            }
            pool.shutdown();
            List<String> problems = new ArrayList<>();
            for (Future<List<String>> w : workers) {
                problems.addAll(w.get());
            }
            assertEquals(List.of(), problems.stream().limit(10).toList());
        }
        Map<String, Integer> bySubject = new HashMap<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            bySubject.merge(m.getSubject() + " " + m.getHeader("Return-Path")[0], 1, Integer::sum);
        }
        assertEquals(THREADS * PER_THREAD * 2, smtp.getReceivedMessages().length, "two forward-paths each");
        assertEquals(THREADS * PER_THREAD, bySubject.size());
        for (int t = 0; t < THREADS; t++) {
            for (int i = 0; i < PER_THREAD; i++) {
                assertEquals(2, bySubject.getOrDefault(subject(t, i) + " <" + sender(t) + ">", 0), subject(t, i));
            }
        }
    }

    /** Submits one thread's messages; returns what was wrong with any result (nothing, when all is well). */
    private static List<String> submitAll(Spoolmail spoolmail, int thread) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < PER_THREAD; i++) {
            Mail mail = Mail.builder().from(sender(thread)).to("ops-" + thread + "@example.com")
                    .cc("audit@example.org").subject(subject(thread, i)).text("message " + i).build();
            MailResult r = spoolmail.submit(mail);
            List<RecipientResult> expected = List.of(
                    new RecipientResult(ForwardPath.parse("ops-" + thread + "@example.com"),
                            RecipientResult.Status.ACCEPTED, r.recipients().isEmpty() ? Optional.empty()
                                    : r.recipients().get(0).reply()),
                    new RecipientResult(ForwardPath.parse("audit@example.org"), RecipientResult.Status.ACCEPTED,
                            r.recipients().size() < 2 ? Optional.empty() : r.recipients().get(1).reply()));
            if (r.outcome() != Disposition.Kind.DELIVERED || r.conditionCode() != 0
                    || !expected.equals(r.recipients())) {
                problems.add(subject(thread, i) + ": " + r + " " + r.recipients());
            }
        }
        return problems;
    }

    private static String sender(int thread) {
        return "batch-" + thread + "@example.com";
    }

    private static String subject(int thread, int i) {
        return "thread " + thread + " message " + i;
    }
}
