/**
 * The extension points of spoolmail: what a stage, a parser, an exit routine and an observer implement.
 *
 * <p>Every extension point extends {@link org.pf4j.ExtensionPoint} and is found by the kernel through PF4J at
 * start-up, once; each extension class carries a {@link org.spoolmail.exits.StageName} that pipeline.yaml refers
 * to. The lifecycle is the same for all of them, in the manner of Apache James's {@code Mailet}: {@code init} once
 * before any work, then the work method, possibly concurrently on one shared instance, then {@code close} once.
 *
 * <p>Expected business results (a sender refused, a recipient unknown) are returned values
 * ({@link org.spoolmail.exits.ExitDecision}, {@link org.spoolmail.exits.StageOutcome}); exceptions
 * ({@link org.spoolmail.exits.StageException}) are for failures.
 *
 * @since 1.0.0
 */
package org.spoolmail.exits;
