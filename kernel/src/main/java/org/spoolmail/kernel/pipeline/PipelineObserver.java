package org.spoolmail.kernel.pipeline;

import org.spoolmail.exits.MailObserver;
import org.spoolmail.kernel.config.StageEntry;

/**
 * A log stage ready to run: its pipeline.yaml entry (whose {@code on-error} says whether a failure to record raises
 * the condition code) and the initialised observer.
 *
 * @param entry the entry
 * @param observer the extension
 */
public record PipelineObserver(StageEntry entry, MailObserver observer) {
}
