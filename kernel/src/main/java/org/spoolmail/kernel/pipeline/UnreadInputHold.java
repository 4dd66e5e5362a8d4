package org.spoolmail.kernel.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.spoolmail.exits.mail.Disposition;
import org.spoolmail.exits.mail.MailInput;

/**
 * Keeps an input that no pipeline could read because the pipeline itself cannot be used (pipeline.yaml broken, a
 * plugin missing): standard input cannot be read again, so it goes to the hold folder as an input refused as a whole,
 * {@code stdin-<timestamp>.input} with a {@code .reason} (outcome HELD, hold-cause ENVIRONMENT, condition code 16),
 * instead of being lost with the run (DESIGN.md: nothing is lost).
 */
public final class UnreadInputHold {

    private UnreadInputHold() {
    }

    /**
     * @param folder the hold folder: pipeline.yaml's when it could be read, else {@code held} beside the file
     * @param input the input as read
     * @param resendOptions the {@code send} options that shape the input, as for {@link PipelineRunner}
     * @param reason why the pipeline could not run, one line
     * @return the copy of the input
     * @throws IOException if the folder or a file cannot be written
     */
    public static Path keep(Path folder, MailInput input, List<String> resendOptions, String reason)
            throws IOException {
        HoldDirectory.Reason text = new HoldDirectory.Reason(HoldDirectory.Resend.of(input.origin(), resendOptions),
                Optional.empty(), Optional.empty(), Disposition.Kind.HELD.name(),
                Optional.of(Disposition.HoldCause.ENVIRONMENT.name()), reason, Optional.empty(),
                ConditionCodes.ENVIRONMENT);
        return new HoldDirectory(folder, Clock.systemUTC()).holdInput(input, text);
    }
}
