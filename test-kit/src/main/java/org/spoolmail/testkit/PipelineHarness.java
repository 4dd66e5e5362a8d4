package org.spoolmail.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;

import org.spoolmail.kernel.api.Mail;
import org.spoolmail.kernel.api.MailResult;
import org.spoolmail.kernel.api.RawInput;
import org.spoolmail.kernel.api.Spoolmail;
import org.spoolmail.kernel.api.SubmitResult;

/**
 * The reference pipeline in memory, for the tests of a site's exit routines and stages: the built-in parsers and
 * stages (smtp-datastream, control-statements, rfc5322-message, verify-sender, verify-recipients, mime-encode,
 * codepage-translate, content-policy, audit-log) and the routines and stages under test, all as objects in this JVM (no jar,
 * no PF4J), with {@link MemoryDelivery} as the deliver stage. It is the kernel's own runner behind the embedding
 * API, so exit decisions, holds, condition codes and traces are exactly those of {@code spoolmail send}. Start-up
 * and a message take milliseconds.
 *
 * <pre>{@code
 * try (PipelineHarness harness = PipelineHarness.builder()
 *         .exitRoutine(PipelineHarness.VERIFY_SENDER, new HolidayFreezeExit(),
 *                 Map.of("first-day", "2026-12-24", "last-day", "2026-12-26"))
 *         .clock(Clock.fixed(Instant.parse("2026-12-25T10:00:00Z"), ZoneOffset.UTC))
 *         .build()) {
 *     MailResult result = harness.submit(Mail.builder().from("a@example.com").to("b@example.com").build());
 *     assertEquals(4, result.conditionCode());
 *     assertEquals(List.of(), harness.delivered());
 * }
 * }</pre>
 *
 * <p>Thread-safe as {@link Spoolmail} is. Closing it closes every stage and routine and deletes the work folder
 * the harness made (one given with {@link PipelineHarnessBuilder#workDirectory(Path)} is left).
 *
 * @since 1.0.0
 */
public final class PipelineHarness implements AutoCloseable {

    /** The exit point that verifies the sender. */
    public static final String VERIFY_SENDER = "verify-sender";
    /** The exit point that checks recipients. */
    public static final String VERIFY_RECIPIENTS = "verify-recipients";
    /** The exit point that checks the content after translation. */
    public static final String CONTENT_POLICY = "content-policy";

    private final Spoolmail spoolmail;
    private final MemoryDelivery delivery;
    private final Path work;
    private final Optional<Path> madeWork;

    PipelineHarness(Spoolmail spoolmail, MemoryDelivery delivery, Path work, Optional<Path> madeWork) {
        this.spoolmail = spoolmail;
        this.delivery = delivery;
        this.work = work;
        this.madeWork = madeWork;
    }

    /** @return a builder of the reference pipeline with no routine and no extra stage */
    public static PipelineHarnessBuilder builder() {
        return new PipelineHarnessBuilder();
    }

    /**
     * Runs a mail built in code, from verify-sender on.
     *
     * @param mail the message
     * @return how it ended
     */
    public MailResult submit(Mail mail) {
        return spoolmail.submit(mail);
    }

    /**
     * Runs input octets (an SMTP datastream, a control-statement deck, an RFC 5322 message) from the parse stage on.
     *
     * @param input the octets with their CCSID and record format (default: UTF-8, LF line ends)
     * @return a result per mail object, or the error that refused the input
     */
    public SubmitResult submit(RawInput input) {
        return spoolmail.submit(input);
    }

    /** @return what the deliver stage took so far, in order */
    public List<DeliveredMail> delivered() {
        return delivery.delivered();
    }

    /** @return the deliver stage, e.g. to {@link MemoryDelivery#refuse} a forward-path */
    public MemoryDelivery delivery() {
        return delivery;
    }

    /** @return the work folder: the spool queue of held mail is {@code spool/} in it, the audit records {@code audit/}
     */
    public Path workDirectory() {
        return work;
    }

    @Override
    public void close() {
        spoolmail.close();
        madeWork.ifPresent(PipelineHarness::delete);
    }

    static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("the harness's work folder " + folder + " could not be deleted", e);
        }
    }
}
