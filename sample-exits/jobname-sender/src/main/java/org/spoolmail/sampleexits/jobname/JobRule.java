package org.spoolmail.sampleexits.jobname;

import java.util.List;

import org.spoolmail.exits.mail.AddressPattern;
import org.spoolmail.exits.mail.Mailbox;

/**
 * One rule: jobs whose name matches {@code job} may send as the functional mailbox {@code sendAs}.
 *
 * @param job the job-name pattern ({@code *} and {@code ?}, ignoring case)
 * @param sendAs the functional mailbox
 * @param replace true for {@code mode: replace} (a matching job sending as anything else is rewritten)
 */
record JobRule(AddressPattern job, Mailbox sendAs, boolean replace) {

    /** @return true if the job name matches the pattern */
    boolean appliesTo(String jobName) {
        return job.matches(jobName);
    }

    /**
     * Tells whether the sender is this rule's mailbox in every place: the reverse-path and each From address.
     *
     * @param reversePath the reverse-path's address, or null for {@code <>}
     * @param from the From header field's addresses, possibly none
     * @return true if all of them are the functional mailbox
     */
    boolean grants(String reversePath, List<String> from) {
        return reversePath != null && isMailbox(reversePath) && from.stream().allMatch(this::isMailbox);
    }

    /**
     * Compares the whole address ignoring case, local-part included: most mail systems deliver
     * {@code PAYROLL@example.com} to the same mailbox, so a reservation must not be dodged by changing case; nor
     * by quoting the local-part ({@code "payroll"@example.com} is the same mailbox, RFC 5322 section 3.4.1), so
     * both sides are compared in their canonical form.
     *
     * @return true if the address is this rule's mailbox
     */
    boolean isMailbox(String address) {
        return sendAs.canonical().toString().equalsIgnoreCase(Mailbox.canonical(address));
    }
}
