/**
 * The spool server: workers that claim items from the {@link org.spoolmail.kernel.queue.SpoolQueue}, run each through
 * the pipeline as its submitter, record each recipient's result, and retry, hold or report what could not go.
 */
package org.spoolmail.kernel.spool;
