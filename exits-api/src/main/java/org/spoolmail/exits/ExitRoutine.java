package org.spoolmail.exits;

import org.spoolmail.exits.mail.MailObject;

/**
 * The kernel's handle on one configured exit routine, handed to the stage that drives an exit point through
 * {@link StageContext#exitRoutines()}. It calls the routine's {@link MailExit#decide} under the configured time
 * limit and turns a failure into an {@link ExitFailureException}.
 *
 * @since 1.0.0
 */
public interface ExitRoutine {

    /** @return the routine's name in pipeline.yaml, its {@link StageName} */
    String name();

    /**
     * Calls the routine.
     *
     * @param mail the mail object
     * @return the routine's decision; never null
     * @throws ExitFailureException if the routine threw, overran its time limit or returned null
     */
    ExitDecision decide(MailObject mail) throws ExitFailureException;
}
