package org.spoolmail.kernel.config;

/**
 * What the runner does when a stage fails (throws, returns null, overruns): the mail object is never dropped.
 */
public enum OnError {
    /** Hold the item with the failure as its reason (the default). */
    FAIL,
    /** Hold the item as deferred: for transient failures at exit points whose routines may recover. */
    DEFER,
    /** Go on as if the stage had passed the mail on unchanged; allowed for observer stages only. */
    CONTINUE
}
