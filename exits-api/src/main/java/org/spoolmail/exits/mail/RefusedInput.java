package org.spoolmail.exits.mail;

import java.util.Objects;
import java.util.Optional;

/**
 * A queued input that never became a mail object (a bad spool file): its octets could not be parsed, it held no
 * mail object at its index, the spool server refused its drop file, or a worker failed on it. It has no envelope, so {@link org.spoolmail.exits.MailObserver#observe} cannot hear of
 * it; observers hear of it through {@link org.spoolmail.exits.MailObserver#observeRefused}, so that the audit
 * trail has a record of every queued item, as CSSMTP's BadSpoolDisp keeps or deletes such a file with a message.
 * Immutable.
 *
 * @param queueId the item's queue ID
 * @param origin where the input came from, e.g. a job name or file name
 * @param identity the submitter as the queue established it (user ID established from the spool file's owner)
 * @param sizeOctets the input's size in octets
 * @param ccsid the CCSID the input was read in
 * @param records the input's record format
 * @param reason why it was refused, naming the file and record, e.g. {@code JOB42: record 3: unknown command}
 * @param conditionCode the condition code of the refusal: 12 bad input, 16 environment or configuration
 * @param action what was done with the item
 * @param operator the user ID of the operator who acted ({@code queue purge}); empty when the spool server did
 * @since 1.0.0
 */
public record RefusedInput(String queueId, String origin, Identity identity, long sizeOctets, Ccsid ccsid,
        RecordFormat records, String reason, int conditionCode, Action action, Optional<String> operator) {

    /**
     * What was done with a refused input.
     *
     * @since 1.0.0
     */
    public enum Action {
        /** Kept in the queue's held state with its reason, for an operator to fix and release. */
        HELD,
        /**
         * Removed by the spool server: a bad spool file under {@code bad-spool-disposition: delete}, or a drop
         * whose owner cannot be established (a link, a folder, a FIFO, a file with several names), removed unread;
         * its {@link #identity()} user ID is then not established.
         */
        DELETED,
        /** Removed by an operator ({@code queue purge}); {@link #operator()} names who. */
        DISCARDED
    }

    /**
     * Checks the components.
     *
     * @param queueId the item's queue ID
     * @param origin where the input came from
     * @param identity the submitter
     * @param sizeOctets the input's size in octets, 0 or more
     * @param ccsid the input's CCSID
     * @param records the input's record format
     * @param reason why it was refused
     * @param conditionCode the condition code of the refusal, 0-16
     * @param action what was done with the item
     * @param operator the operator who acted, if one did
     * @throws NullPointerException if a value is null
     * @throws IllegalArgumentException if {@code sizeOctets} is negative or {@code conditionCode} outside 0-16
     */
    public RefusedInput {
        Objects.requireNonNull(queueId, "queueId");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(ccsid, "ccsid");
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(operator, "operator");
        if (sizeOctets < 0) {
            throw new IllegalArgumentException("sizeOctets " + sizeOctets + " is negative");
        }
        if (conditionCode < 0 || conditionCode > 16) {
            throw new IllegalArgumentException("condition code " + conditionCode + " is not 0-16");
        }
    }
}
