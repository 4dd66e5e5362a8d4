package org.spoolmail.kernel.pipeline;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;

import org.spoolmail.exits.MailObserver;
import org.spoolmail.exits.MailParser;
import org.spoolmail.exits.MailStage;
import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.RecordFormat;
import org.spoolmail.kernel.config.OnError;
import org.spoolmail.kernel.config.PipelineConfig;
import org.spoolmail.kernel.config.StageEntry;

/** A runner over a parser, one deliver stage and one observer given in code, for tests outside this package. */
public final class StubPipelines {

    private StubPipelines() {
    }

    /**
     * @param dir the folder of the (unread) pipeline.yaml
     * @param parser the parse stage
     * @param deliver the only processing stage, role {@code deliver}
     * @param audit the only observer, use {@code audit-log}, on-error fail
     * @param clock the clock of queue IDs
     * @return the runner
     */
    public static PipelineRunner runner(Path dir, MailParser parser, MailStage deliver, MailObserver audit,
            Clock clock) {
        PipelineConfig config = new PipelineConfig(dir.resolve("pipeline.yaml"), Optional.empty(), Ccsid.ISO_8859_1,
                RecordFormat.LF, List.of());
        Pipeline pipeline = new Pipeline(config, parser,
                List.of(new PipelineStage(entry("deliver", "deliver-smtp"), deliver, "deliver-smtp")),
                List.of(new PipelineObserver(entry("log", "audit-log"), audit)), List.of(),
                Executors.newSingleThreadExecutor());
        return new PipelineRunner(pipeline, new QueueIds(clock), clock);
    }

    private static StageEntry entry(String role, String use) {
        return new StageEntry("pipeline[x]", role, false, use, Map.of(), List.of(), Duration.ofSeconds(5),
                OnError.FAIL);
    }
}
