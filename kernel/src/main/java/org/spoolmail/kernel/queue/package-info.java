/**
 * The spool queue: durable items of mail waiting to be sent, each in exactly one state (incoming, active, deferred,
 * held) with its per-recipient results, behind one interface ({@link org.spoolmail.kernel.queue.SpoolQueue}) so that
 * the embedded directory spool and a broker-backed one are interchangeable.
 */
package org.spoolmail.kernel.queue;
