package org.spoolmail.kernel.pipeline;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.spoolmail.exits.mail.Disposition;
import org.spoolmail.exits.mail.MailInput;
import org.spoolmail.kernel.config.SpoolConfig;

/**
 * Keeps an input that no pipeline could read because the pipeline itself cannot be used (pipeline.yaml broken, a
 * plugin missing): standard input cannot be read again, so it goes into the spool queue as one HELD item holding
 * the whole input (hold cause ENVIRONMENT, condition code 16, the configuration problems as its reason), instead of
 * being lost with the run (DESIGN.md: nothing is lost). Once pipeline.yaml is fixed, {@code queue release} sends it.
 */
public final class UnreadInputHold {

    private UnreadInputHold() {
    }

    /**
     * @param spool pipeline.yaml's spool when it could be read, else the default spool beside the file
     *     ({@link SpoolConfig#defaults}), where {@code spoolmail spool} would look
     * @param id the queue ID to give it
     * @param input the input as read
     * @param format the parser asked for ({@code --format}); empty to detect
     * @param options the {@code send} options that shape the input
     * @param reason why the pipeline could not run, one line
     * @return where it is kept
     * @throws IOException if the spool cannot take it
     */
    public static SpoolHold.Kept keep(SpoolConfig spool, String id, MailInput input, Optional<String> format,
            List<String> options, String reason) throws IOException {
        return HeldMail.keepWhole(new SpoolHold(spool, Clock.systemUTC()), id, input, format, options,
                Disposition.HoldCause.ENVIRONMENT.name(), reason, ConditionCodes.ENVIRONMENT);
    }
}
