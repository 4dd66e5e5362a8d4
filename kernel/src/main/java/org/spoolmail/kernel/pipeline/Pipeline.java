package org.spoolmail.kernel.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;

import org.spoolmail.exits.Lifecycle;
import org.spoolmail.exits.MailParser;
import org.spoolmail.kernel.config.PipelineConfig;

/**
 * The assembled pipeline: every extension resolved once and initialised, in the order of pipeline.yaml. Closing it
 * closes every extension once, in reverse order.
 */
public final class Pipeline implements AutoCloseable {

    private final PipelineConfig config;
    private final List<ParserChoice> parsers;
    private final List<PipelineStage> stages;
    private final List<PipelineObserver> observers;
    private final List<Lifecycle> closeOrder;
    private final ExecutorService exitWorkers;

    Pipeline(PipelineConfig config, MailParser parser, List<PipelineStage> stages, List<PipelineObserver> observers,
            List<Lifecycle> initialised, ExecutorService exitWorkers) {
        this(config, List.of(new ParserChoice(PipelineAssembler.nameOf(parser), parser)), stages, observers,
                initialised, exitWorkers);
    }

    Pipeline(PipelineConfig config, List<ParserChoice> parsers, List<PipelineStage> stages,
            List<PipelineObserver> observers, List<Lifecycle> initialised, ExecutorService exitWorkers) {
        this.config = config;
        this.parsers = List.copyOf(parsers);
        this.stages = List.copyOf(stages);
        this.observers = List.copyOf(observers);
        this.closeOrder = new ArrayList<>(initialised);
        java.util.Collections.reverse(this.closeOrder);
        this.exitWorkers = exitWorkers;
    }

    /** @return the configuration it was built from */
    public PipelineConfig config() {
        return config;
    }

    /** @return the first (or only) parser of the parse stage */
    public MailParser parser() {
        return parsers.get(0).parser();
    }

    /** @return the parsers of the parse stage, in the order format detection asks them */
    public List<ParserChoice> parsers() {
        return parsers;
    }

    /** @return the processing stages in order */
    public List<PipelineStage> stages() {
        return stages;
    }

    /** @return the observers (log stages) */
    public List<PipelineObserver> observers() {
        return observers;
    }

    @Override
    public void close() {
        closeOrder.forEach(Lifecycle::close);
        exitWorkers.shutdownNow();
    }
}
