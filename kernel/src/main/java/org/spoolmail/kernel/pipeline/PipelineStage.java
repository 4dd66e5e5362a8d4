package org.spoolmail.kernel.pipeline;

import org.spoolmail.exits.MailStage;
import org.spoolmail.kernel.config.StageEntry;

/**
 * A processing stage ready to run: its pipeline.yaml entry and the initialised extension that fills it.
 *
 * @param entry the entry (role, policy, path)
 * @param stage the extension
 * @param pluginId the plugin that provides it, for logs and traces
 */
public record PipelineStage(StageEntry entry, MailStage stage, String pluginId) {
}
