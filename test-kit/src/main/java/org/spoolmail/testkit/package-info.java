/**
 * The in-memory pipeline harness: a site's exit project (or a plugin) runs its exit routines and stages, given as
 * objects, through the reference pipeline in milliseconds, without jars, PF4J or a mail server, and checks what
 * would have been sent.
 *
 * <p>{@link org.spoolmail.testkit.PipelineHarness#builder()} places routines at the exit points and stages before
 * delivery; {@link org.spoolmail.testkit.MemoryDelivery} takes the place of the deliver stage and keeps each message
 * as the octets a relay would have received.
 *
 * @since 1.0.0
 */
package org.spoolmail.testkit;
