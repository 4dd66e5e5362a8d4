package org.spoolmail.exits.mail;

/**
 * One input handed to a parser: its octets, how they divide into records, their CCSID, and who submitted them.
 *
 * @param origin the file path or {@code stdin}, used in every error message about this input
 * @param data the input's octets
 * @param ccsid the CCSID of its text
 * @param recordFormat how the octets divide into records
 * @param identity the submitter, as the kernel established it
 * @since 1.0.0
 */
public record MailInput(String origin, ContentHandle data, Ccsid ccsid, RecordFormat recordFormat,
        Identity identity) {

    /**
     * Checks the components.
     *
     * @param origin the file path or {@code stdin}, used in every error message about this input
     * @param data the input's octets
     * @param ccsid the CCSID of its text
     * @param recordFormat how the octets divide into records
     * @param identity the submitter, as the kernel established it
     * @throws NullPointerException if a component is null
     */
    public MailInput {
        java.util.Objects.requireNonNull(origin, "origin");
        java.util.Objects.requireNonNull(data, "data");
        java.util.Objects.requireNonNull(ccsid, "ccsid");
        java.util.Objects.requireNonNull(recordFormat, "recordFormat");
        java.util.Objects.requireNonNull(identity, "identity");
    }
}
