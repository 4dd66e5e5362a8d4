package org.spoolmail.kernel.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.ContentHandle;
import org.spoolmail.exits.mail.RecordFormat;

/**
 * Input octets as a job writes them, for {@link Spoolmail#submit(RawInput)}: an SMTP datastream, a control-statement
 * deck or an RFC 5322 message, in a CCSID (e.g. 1047) and a record format (e.g. fixed 80-byte records). What is not
 * given comes from the pipeline's {@code input:} settings, and the parser is chosen by format detection among the
 * parse stage's, as {@code spoolmail send} does without {@code --codepage}, {@code --records} and {@code --format}.
 *
 * <p>Immutable and thread-safe; each {@code with*} method returns a new input.
 *
 * @since 1.0.0
 */
public final class RawInput {

    private final String origin;
    private final ContentHandle data;
    private final Optional<Ccsid> ccsid;
    private final Optional<RecordFormat> records;
    private final Optional<String> format;

    private RawInput(String origin, ContentHandle data, Optional<Ccsid> ccsid, Optional<RecordFormat> records,
            Optional<String> format) {
        this.origin = origin;
        this.data = data;
        this.ccsid = ccsid;
        this.records = records;
        this.format = format;
    }

    /**
     * Octets in memory; the array is copied.
     *
     * @param origin what the input is called in errors, results, audit records and the spool queue, e.g. a data
     *     set name; never {@code stdin}
     * @param octets the input
     * @return the input, in the pipeline's CCSID and record format until told otherwise
     */
    public static RawInput of(String origin, byte[] octets) {
        if (Objects.requireNonNull(origin, "origin").isBlank() || origin.equals("stdin")) {
            throw new IllegalArgumentException("origin '" + origin + "' is blank or 'stdin'");
        }
        return new RawInput(origin, ContentHandle.ofBytes(octets), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /**
     * A file, read as a stream when it is submitted (not copied into memory).
     *
     * @param file the file; its path is the origin
     * @return the input, in the pipeline's CCSID and record format until told otherwise
     * @throws IOException if the file's size cannot be read, e.g. it does not exist
     */
    public static RawInput ofFile(Path file) throws IOException {
        return new RawInput(file.toString(), ContentHandle.ofFile(file), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /**
     * @param newCcsid the CCSID of the input's text, e.g. {@code Ccsid.of(1047)}
     * @return a new input
     */
    public RawInput withCcsid(Ccsid newCcsid) {
        return new RawInput(origin, data, Optional.of(newCcsid), records, format);
    }

    /**
     * @param newRecords how the octets divide into records, e.g. {@code RecordFormat.fixed(80)}
     * @return a new input
     */
    public RawInput withRecords(RecordFormat newRecords) {
        return new RawInput(origin, data, ccsid, Optional.of(newRecords), format);
    }

    /**
     * @param parser the parser to use, e.g. {@code smtp-datastream}, instead of format detection
     * @return a new input
     */
    public RawInput withFormat(String parser) {
        return new RawInput(origin, data, ccsid, records, Optional.of(parser));
    }

    /** @return what the input is called */
    public String origin() {
        return origin;
    }

    /** @return the octets */
    public ContentHandle data() {
        return data;
    }

    /** @return the CCSID, if given */
    public Optional<Ccsid> ccsid() {
        return ccsid;
    }

    /** @return the record format, if given */
    public Optional<RecordFormat> records() {
        return records;
    }

    /** @return the parser, if given */
    public Optional<String> format() {
        return format;
    }
}
