package org.spoolmail.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.spoolmail.exits.Lifecycle;
import org.spoolmail.exits.MailExit;
import org.spoolmail.exits.MailObserver;
import org.spoolmail.exits.MailParser;
import org.spoolmail.exits.MailStage;
import org.spoolmail.exits.StageName;
import org.spoolmail.kernel.api.SpoolmailBuilder;
import org.spoolmail.kernel.api.SpoolmailException;
import org.spoolmail.plugins.audit.log.AuditLogObserver;
import org.spoolmail.plugins.codepage.translate.CodepageTranslateStage;
import org.spoolmail.plugins.content.policy.ContentPolicyStage;
import org.spoolmail.plugins.mime.encode.MimeEncodeStage;
import org.spoolmail.plugins.parse.control.ControlStatementParser;
import org.spoolmail.plugins.parse.rfc5322.Rfc5322MessageParser;
import org.spoolmail.plugins.parse.smtp.SmtpDatastreamParser;
import org.spoolmail.plugins.verify.recipients.VerifyRecipientsStage;
import org.spoolmail.plugins.verify.sender.VerifySenderStage;

/**
 * Builds a {@link PipelineHarness} (the reference pipeline, audit-log included, writing into the work folder's
 * {@code audit/}): routines at the three exit points (in the order given), extra stages before
 * delivery, extra parsers, the clock and claimed job name. Each object is named by its {@code @StageName} and
 * configured with a map of its config keys (values as text, lists or maps, as pipeline.yaml would give them). Not
 * thread-safe.
 *
 * @since 1.0.0
 */
public final class PipelineHarnessBuilder {

    private static final List<String> EXIT_POINTS = List.of(PipelineHarness.VERIFY_SENDER,
            PipelineHarness.VERIFY_RECIPIENTS, PipelineHarness.CONTENT_POLICY);

    private final Map<String, List<Placed>> routines = new LinkedHashMap<>();
    private final List<Placed> stages = new ArrayList<>();
    private final List<Placed> parsers = new ArrayList<>();
    private final List<Lifecycle> objects = new ArrayList<>();
    private Optional<Clock> clock = Optional.empty();
    private Optional<String> jobName = Optional.empty();
    private Optional<Path> work = Optional.empty();

    PipelineHarnessBuilder() {
        EXIT_POINTS.forEach(p -> routines.put(p, new ArrayList<>()));
    }

    /**
     * Places an exit routine without configuration.
     *
     * @param exitPoint {@link PipelineHarness#VERIFY_SENDER}, {@link PipelineHarness#VERIFY_RECIPIENTS} or
     *     {@link PipelineHarness#CONTENT_POLICY}
     * @param routine the routine, annotated with {@code @StageName}
     * @return this builder
     */
    public PipelineHarnessBuilder exitRoutine(String exitPoint, MailExit routine) {
        return exitRoutine(exitPoint, routine, Map.of());
    }

    /**
     * Places an exit routine after those already placed at the exit point.
     *
     * @param exitPoint {@link PipelineHarness#VERIFY_SENDER}, {@link PipelineHarness#VERIFY_RECIPIENTS} or
     *     {@link PipelineHarness#CONTENT_POLICY}
     * @param routine the routine, annotated with {@code @StageName}; one object at one place
     * @param config its configuration, e.g. {@code Map.of("first-day", "2026-12-24")}
     * @return this builder
     * @throws IllegalArgumentException for another exit point, or a routine without {@code @StageName}
     */
    public PipelineHarnessBuilder exitRoutine(String exitPoint, MailExit routine, Map<String, ?> config) {
        List<Placed> placed = routines.get(exitPoint);
        if (placed == null) {
            throw new IllegalArgumentException("no exit point '" + exitPoint + "': one of " + EXIT_POINTS);
        }
        placed.add(place(routine, config));
        return this;
    }

    /**
     * Adds a stage after content-policy, before delivery, in the order given; its role is its name.
     *
     * @param stage the stage, annotated with {@code @StageName}
     * @param config its configuration
     * @return this builder
     */
    public PipelineHarnessBuilder stage(MailStage stage, Map<String, ?> config) {
        stages.add(place(stage, config));
        return this;
    }

    /**
     * Adds a parser, asked by format detection before the built-in ones.
     *
     * @param parser the parser, annotated with {@code @StageName}
     * @param config its configuration
     * @return this builder
     */
    public PipelineHarnessBuilder parser(MailParser parser, Map<String, ?> config) {
        parsers.add(place(parser, config));
        return this;
    }

    /**
     * @param newClock the clock of stages, routines and queue IDs (e.g. {@code Clock.fixed(...)})
     * @return this builder
     */
    public PipelineHarnessBuilder clock(Clock newClock) {
        clock = Optional.of(newClock);
        return this;
    }

    /**
     * @param name the claimed job name routines see
     * @return this builder
     */
    public PipelineHarnessBuilder jobName(String name) {
        jobName = Optional.of(name);
        return this;
    }

    /**
     * @param folder the work folder (the spool queue of held mail is {@code spool/} in it), e.g. a JUnit
     *     {@code @TempDir}; by default the harness makes a temporary one and deletes it on close
     * @return this builder
     */
    public PipelineHarnessBuilder workDirectory(Path folder) {
        work = Optional.of(folder);
        return this;
    }

    /**
     * Starts the pipeline: every configuration is checked against its schema and every object initialised.
     *
     * @return the harness
     * @throws SpoolmailException listing every problem, e.g. a config key the routine does not declare
     */
    public PipelineHarness build() throws SpoolmailException {
        Path folder = work.orElseGet(PipelineHarnessBuilder::temporaryFolder);
        MemoryDelivery delivery = new MemoryDelivery();
        SpoolmailBuilder kernel = org.spoolmail.kernel.api.Spoolmail.builder()
                .pipeline(pipeline(), folder)
                .extension(MailParser.class, "smtp-datastream", SmtpDatastreamParser::new)
                .extension(MailParser.class, "control-statements", ControlStatementParser::new)
                .extension(MailParser.class, "rfc5322-message", Rfc5322MessageParser::new)
                .extension(MailStage.class, "verify-sender", VerifySenderStage::new)
                .extension(MailStage.class, "verify-recipients", VerifyRecipientsStage::new)
                .extension(MailStage.class, "content-policy", ContentPolicyStage::new)
                .extension(MailStage.class, "mime-encode", MimeEncodeStage::new)
                .extension(MailStage.class, "codepage-translate", CodepageTranslateStage::new)
                .extension(MailObserver.class, "audit-log", AuditLogObserver::new)
                .extension(delivery);
        objects.forEach(kernel::extension);
        clock.ifPresent(kernel::clock);
        jobName.ifPresent(kernel::jobName);
        try {
            return new PipelineHarness(kernel.build(), delivery, folder,
                    work.isPresent() ? Optional.empty() : Optional.of(folder));
        } catch (SpoolmailException | RuntimeException e) {
            if (work.isEmpty()) {
                PipelineHarness.delete(folder);
            }
            throw e;
        }
    }

    /** The reference pipeline's shape, with the placed objects. */
    private String pipeline() {
        StringBuilder yaml = new StringBuilder("version: 1\npipeline:\n  - stage: parse\n");
        List<String> parserNames = new ArrayList<>(parsers.stream().map(Placed::name).toList());
        parserNames.addAll(List.of("smtp-datastream", "control-statements", "rfc5322-message"));
        yaml.append("    use: ").append(FlowYaml.of(parserNames)).append('\n');
        appendConfigs(yaml, parsers);
        exitPoint(yaml, PipelineHarness.VERIFY_SENDER);
        exitPoint(yaml, PipelineHarness.VERIFY_RECIPIENTS);
        yaml.append("  - stage: mime-encode\n    use: mime-encode\n");
        yaml.append("  - stage: codepage-translate\n    use: codepage-translate\n");
        exitPoint(yaml, PipelineHarness.CONTENT_POLICY);
        for (Placed s : stages) {
            yaml.append("  - stage: ").append(s.name()).append("\n    use: ").append(s.name())
                    .append("\n    config: ").append(FlowYaml.of(s.config())).append('\n');
        }
        // A sending pipeline must be audited (the kernel refuses one without a log stage): the real audit log, in
        // the work folder, without an fsync per record, which a test does not need.
        return yaml.append("  - stage: deliver\n    use: memory-delivery\n")
                .append("  - stage: log\n    use: audit-log\n    config: {directory: audit, fsync: \"false\"}\n")
                .toString();
    }

    private void exitPoint(StringBuilder yaml, String point) {
        List<Placed> placed = routines.get(point);
        yaml.append("  - exit: ").append(point).append("\n    routines: ")
                .append(FlowYaml.of(placed.stream().map(Placed::name).toList())).append('\n');
        appendConfigs(yaml, placed);
    }

    private static void appendConfigs(StringBuilder yaml, List<Placed> placed) {
        Map<String, Object> configs = new LinkedHashMap<>();
        placed.stream().filter(p -> !p.config().isEmpty()).forEach(p -> configs.put(p.name(), p.config()));
        if (!configs.isEmpty()) {
            yaml.append("    config: ").append(FlowYaml.of(configs)).append('\n');
        }
    }

    private Placed place(Lifecycle extension, Map<String, ?> config) {
        StageName name = Objects.requireNonNull(extension, "extension").getClass().getAnnotation(StageName.class);
        if (name == null) {
            throw new IllegalArgumentException(extension.getClass().getName() + " has no @StageName");
        }
        objects.add(extension);
        return new Placed(name.value(), Map.copyOf(config));
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("spoolmail-harness-");
        } catch (IOException e) {
            throw new UncheckedIOException("no temporary folder for the harness", e);
        }
    }

    /** One object's place: its name and configuration. */
    private record Placed(String name, Map<String, ?> config) {
    }
}
