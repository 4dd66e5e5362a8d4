package org.spoolmail.kernel.queue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.RecordFormat;

/**
 * What a submitter handed in besides the octets, fixed when the item enters the queue.
 *
 * @param submitter the submitter's user ID
 * @param established true when the user ID comes from the operating system (the drop file's owner, or the account
 *     {@code send} ran as); false never happens for items a server picked up, since a drop's owner is established
 * @param claims claimed job facts ({@code job-name}, {@code job-id}, {@code program}, {@code step}): never trusted
 * @param origin the input's path or {@code stdin}, for messages
 * @param format the parser that read it at submission, e.g. {@code smtp-datastream}; empty to detect again
 * @param ccsid the CCSID of its text
 * @param records its record format
 * @param index which mail object of the parsed octets this item is (0 for an item holding one transaction)
 * @param options the command-line options that shaped the input when {@code send} kept it, e.g. {@code [--codepage,
 *     1047, --plugins, /opt/spoolmail/plugins]}, shown by {@code queue show}; empty for submitted items
 * @param files the files the input names, captured at submission: their octets follow the input's in the item, in
 *     this order; the server parses the item with these octets only (empty for inputs that name no file)
 */
public record Submission(String submitter, boolean established, Map<String, String> claims, String origin,
        Optional<String> format, Ccsid ccsid, RecordFormat records, int index, List<String> options,
        List<CarriedFile> files) {

    /** The claim keys a submission may carry. */
    public static final List<String> CLAIM_KEYS = List.of("job-name", "job-id", "program", "step");

    /** Checks the components and copies the claims. */
    public Submission {
        java.util.Objects.requireNonNull(submitter, "submitter");
        claims = Map.copyOf(claims);
        java.util.Objects.requireNonNull(origin, "origin");
        java.util.Objects.requireNonNull(format, "format");
        java.util.Objects.requireNonNull(ccsid, "ccsid");
        java.util.Objects.requireNonNull(records, "records");
        options = List.copyOf(options);
        files = List.copyOf(files);
    }

    /**
     * A submission without command-line options that carries no file (an SMTP datastream, a message, a deck that
     * names none), as {@code submit} and the drop folder give.
     */
    public Submission(String submitter, boolean established, Map<String, String> claims, String origin,
            Optional<String> format, Ccsid ccsid, RecordFormat records, int index) {
        this(submitter, established, claims, origin, format, ccsid, records, index, List.of(), List.of());
    }

    /**
     * @param identity an identity the kernel established
     * @return its claimed job facts under the {@link #CLAIM_KEYS}, for a submission
     */
    public static Map<String, String> claimsOf(org.spoolmail.exits.mail.Identity identity) {
        Map<String, String> claims = new java.util.LinkedHashMap<>();
        identity.jobName().ifPresent(v -> claims.put("job-name", v.value()));
        identity.jobId().ifPresent(v -> claims.put("job-id", v.value()));
        identity.program().ifPresent(v -> claims.put("program", v.value()));
        identity.step().ifPresent(v -> claims.put("step", v.value()));
        return claims;
    }

    /**
     * @param owner the established user ID
     * @return this submission with the user ID the server established (a drop's header may not name it)
     */
    public Submission ownedBy(String owner) {
        return new Submission(owner, true, claims, origin, format, ccsid, records, index, options, files);
    }

    /**
     * @param carried the files captured at submission
     * @return this submission carrying them
     */
    public Submission carrying(List<CarriedFile> carried) {
        return new Submission(submitter, established, claims, origin, format, ccsid, records, index, options,
                carried);
    }

    /**
     * @param kept the command-line options that shaped the input, for {@code queue show}
     * @return this submission with them
     */
    public Submission withOptions(List<String> kept) {
        return new Submission(submitter, established, claims, origin, format, ccsid, records, index, kept, files);
    }
}
