package org.spoolmail.kernel.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.Identity;
import org.spoolmail.exits.mail.MailInput;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.RecordFormat;
import org.spoolmail.kernel.config.PipelineConfig;
import org.spoolmail.kernel.pipeline.InputResult;
import org.spoolmail.kernel.pipeline.ItemResult;
import org.spoolmail.kernel.pipeline.Pipeline;
import org.spoolmail.kernel.pipeline.PipelineRunner;
import org.spoolmail.kernel.plugin.RegisteredExtensions;

/**
 * spoolmail's kernel inside a Java application: one pipeline, loaded and checked once, through which any number of
 * threads submit mail. Each submit runs the mail through every stage now, as {@code spoolmail send} does, and
 * returns when the deliver stage and the log stages are done with it: mail that cannot go is kept in the pipeline's
 * spool queue (HELD or DEFERRED, with its reason, under the result's queue ID) for the spool server and
 * {@code spoolmail queue}, and its result says so.
 *
 * <pre>{@code
 * try (Spoolmail spoolmail = Spoolmail.builder()
 *         .pipeline(Path.of("pipeline.yaml"))
 *         .pluginsDirectory(Path.of("plugins"))
 *         .extension(new HolidayFreezeExit())
 *         .build()) {
 *     MailResult result = spoolmail.submit(Mail.builder()
 *             .from("payroll@example.com").to("wayne@example.com").subject("Payroll run")
 *             .text("Attached.").attach(Path.of("run.pdf"), "application/pdf").build());
 *     System.out.println(result);  // 20261130T100102-3f9a1c-0001 DELIVERED (condition code 0)
 * }
 * }</pre>
 *
 * <p><b>Identity.</b> The submitter's user ID is the operating-system account that runs the JVM and the system
 * name is the host's: both established, as exit routines expect. Job name, job ID and program are claimed: from the
 * builder, else from the scheduler's environment variables as the command reads them.
 *
 * <p><b>Threading.</b> Thread-safe: {@code submit} may be called from any number of threads at once (the stages
 * are shared, as the SPI allows). {@link #close()} waits for submits in progress, then closes every stage once and
 * stops the plugins; a submit after close throws {@link IllegalStateException}.
 *
 * @since 1.0.0
 */
public final class Spoolmail implements AutoCloseable {

    /** The origin of mail built in code, in identities, audit records and the spool queue. */
    public static final String BUILT_MAIL_ORIGIN = "java-api";

    private final PipelineConfig config;
    private final Identity identity;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    /** The running kernel; null once closed, so that nothing keeps a plugin's classes (and its loader) reachable. */
    private Running running;

    Spoolmail(PipelineConfig config, Pipeline pipeline, PipelineRunner runner, RegisteredExtensions extensions,
            Identity identity) {
        this.config = config;
        this.identity = identity;
        this.running = new Running(pipeline, runner, extensions);
    }

    /** What close releases. */
    private record Running(Pipeline pipeline, PipelineRunner runner, RegisteredExtensions extensions) {
    }

    /** @return a builder with nothing set; {@link SpoolmailBuilder#build()} needs at least a pipeline */
    public static SpoolmailBuilder builder() {
        return new SpoolmailBuilder();
    }

    /**
     * Runs a mail built in code through the pipeline: every stage after parse, then the log stages.
     *
     * @param mail the message
     * @return how it ended; never null, whatever a stage did
     * @throws IllegalStateException after {@link #close()}
     */
    public MailResult submit(Mail mail) {
        Objects.requireNonNull(mail, "mail");
        lock.readLock().lock();
        try {
            PipelineRunner runner = running().runner();
            Identity submitter = identity(BUILT_MAIL_ORIGIN);
            MailObject built = MailObject.of(BUILT_MAIL_ORIGIN, mail.envelope(), MailParts.content(mail), submitter);
            MailInput copy = new MailInput(BUILT_MAIL_ORIGIN, new DatastreamCopy(built), Ccsid.UTF_8,
                    RecordFormat.CRLF, submitter);
            return result(runner.run(built, copy, DatastreamCopy.RESEND_OPTIONS));
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Runs input octets through the whole pipeline, parse stage first.
     *
     * @param input the octets, with their CCSID, record format and parser when not the pipeline's defaults
     * @return a result per mail object, or the error that refused the input as a whole
     * @throws IllegalStateException after {@link #close()}
     */
    public SubmitResult submit(RawInput input) {
        Objects.requireNonNull(input, "input");
        lock.readLock().lock();
        try {
            PipelineRunner runner = running().runner();
            // Through a capture, so that mail kept in the spool queue carries the files a deck names.
            MailInput mailInput = new MailInput(input.origin(), input.data(),
                    input.ccsid().orElse(config.inputCcsid()), input.records().orElse(config.inputRecords()),
                    identity(input.origin()), new org.spoolmail.kernel.queue.FileCapture(
                            org.spoolmail.exits.mail.InputFiles.beside(input.origin())));
            InputResult r = runner.run(mailInput, input.format(), false, resendOptions(input));
            List<MailResult> mails = r.items().stream().map(Spoolmail::result).toList();
            return new SubmitResult(mails, r.error(), r.errorCode(), r.heldAt().map(k -> k.id()),
                    r.heldAt().map(k -> k.where()));
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Waits for submits in progress, closes every stage, parser, exit routine and log stage once (the deliver stage
     * closes its relay connections), stops the exit routines' worker threads and stops and unloads the plugins.
     * Calling it again does nothing.
     */
    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            Running closing = running;
            if (closing == null) {
                return;
            }
            running = null;
            try {
                closing.pipeline().close();
            } finally {
                closing.extensions().close();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** For the tests that check close: the plugins' class loaders while they are loaded. */
    List<ClassLoader> pluginClassLoaders() {
        return running().extensions().pluginClassLoaders();
    }

    private Running running() {
        Running r = running;
        if (r == null) {
            throw new IllegalStateException("this Spoolmail is closed");
        }
        return r;
    }

    private Identity identity(String origin) {
        return new Identity(identity.userId(), identity.jobName(), identity.jobId(), identity.program(),
                identity.systemName(), origin, identity.step());
    }

    /** The {@code spoolmail send} options that read the input the same way, shown by {@code queue show}. */
    private static List<String> resendOptions(RawInput input) {
        List<String> options = new ArrayList<>();
        input.ccsid().ifPresent(c -> options.addAll(List.of("--codepage", Integer.toString(c.number()))));
        input.records().ifPresent(r -> options.addAll(List.of("--records",
                r.kind() == RecordFormat.Kind.VARIABLE ? "vb" : r.toString())));
        input.format().ifPresent(f -> options.addAll(List.of("--format", f)));
        return options;
    }

    private static MailResult result(ItemResult item) {
        return new MailResult(item.mail(), item.disposition(), item.conditionCode(), item.warnings(),
                item.heldAt().map(k -> k.where()));
    }
}
