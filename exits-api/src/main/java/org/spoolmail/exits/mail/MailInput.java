package org.spoolmail.exits.mail;

/**
 * One input handed to a parser: its octets, how they divide into records, their CCSID, who submitted them, and where
 * the files it names come from.
 *
 * @param origin the file path or {@code stdin}, used in every error message about this input
 * @param data the input's octets
 * @param ccsid the CCSID of its text
 * @param recordFormat how the octets divide into records
 * @param identity the submitter, as the kernel established it
 * @param files where the files the input names (a deck's ATTACH, TEXTFILE, HTMLFILE) are opened: a parser opens
 *     them only through this, never by path itself (the spool server gives only the octets an item carries)
 * @since 1.0.0
 */
public record MailInput(String origin, ContentHandle data, Ccsid ccsid, RecordFormat recordFormat,
        Identity identity, InputFiles files) {

    /**
     * Checks the components.
     *
     * @param origin the file path or {@code stdin}, used in every error message about this input
     * @param data the input's octets
     * @param ccsid the CCSID of its text
     * @param recordFormat how the octets divide into records
     * @param identity the submitter, as the kernel established it
     * @param files where the files the input names are opened
     * @throws NullPointerException if a component is null
     */
    public MailInput {
        java.util.Objects.requireNonNull(origin, "origin");
        java.util.Objects.requireNonNull(data, "data");
        java.util.Objects.requireNonNull(ccsid, "ccsid");
        java.util.Objects.requireNonNull(recordFormat, "recordFormat");
        java.util.Objects.requireNonNull(identity, "identity");
        java.util.Objects.requireNonNull(files, "files");
    }

    /**
     * An input whose named files are the submitter's own, read by this process: {@link InputFiles#beside(String)}
     * of {@code origin} (the input file's folder, or the working folder for {@code stdin}), as {@code send} reads
     * them.
     *
     * @param origin the file path or {@code stdin}, used in every error message about this input
     * @param data the input's octets
     * @param ccsid the CCSID of its text
     * @param recordFormat how the octets divide into records
     * @param identity the submitter, as the kernel established it
     * @throws NullPointerException if a component is null
     */
    public MailInput(String origin, ContentHandle data, Ccsid ccsid, RecordFormat recordFormat, Identity identity) {
        this(origin, data, ccsid, recordFormat, identity,
                InputFiles.beside(java.util.Objects.requireNonNull(origin, "origin")));
    }

    /**
     * @param newData other octets, e.g. one transaction's records
     * @return this input with other octets, the same files
     * @since 1.0.0
     */
    public MailInput withData(ContentHandle newData) {
        return new MailInput(origin, newData, ccsid, recordFormat, identity, files);
    }

    /**
     * @param newFiles another source of the files the input names
     * @return this input reading its named files from {@code newFiles}
     * @since 1.0.0
     */
    public MailInput withFiles(InputFiles newFiles) {
        return new MailInput(origin, data, ccsid, recordFormat, identity, newFiles);
    }
}
