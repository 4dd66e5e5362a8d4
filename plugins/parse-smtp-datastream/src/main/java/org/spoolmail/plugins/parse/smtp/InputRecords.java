package org.spoolmail.plugins.parse.smtp;

import java.io.EOFException;
import java.io.IOException;

import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.mail.InputLocation;
import org.spoolmail.exits.mail.RecordReader;

/**
 * The records of one input with their place, for error messages. A malformed record structure (a truncated or
 * impossible RDW) is the input's fault and so permanent; any other read failure stays an {@link IOException}.
 * With sequence numbers stripped, each 80-octet record loses its columns 73-80 (ISPF and card-deck numbering).
 */
final class InputRecords {

    private final RecordReader reader;
    private final String origin;
    private final boolean stripSequenceNumbers;

    /**
     * @param reader the records
     * @param origin the file path or {@code stdin}, for errors
     * @param stripSequenceNumbers true to drop columns 73-80 of 80-octet records
     */
    InputRecords(RecordReader reader, String origin, boolean stripSequenceNumbers) {
        this.reader = reader;
        this.origin = origin;
        this.stripSequenceNumbers = stripSequenceNumbers;
    }

    /**
     * Reads the next record.
     *
     * @return its octets, or null at the end of the input
     * @throws PermanentStageException if the record structure is malformed
     * @throws IOException if reading fails
     */
    byte[] next() throws PermanentStageException, IOException {
        try {
            byte[] record = reader.next();
            return stripSequenceNumbers && record != null && record.length == 80
                    ? java.util.Arrays.copyOf(record, 72) : record;
        } catch (EOFException e) {
            throw malformed(e);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("record ")) {
                throw malformed(e);
            }
            throw e;
        }
    }

    /** @return the place of the record most recently read */
    InputLocation location() {
        return at(reader.recordNumber());
    }

    /** @return the place of a given record */
    InputLocation at(long recordNumber) {
        return new InputLocation(origin, recordNumber);
    }

    /** @return a failure at the record most recently read */
    PermanentStageException error(String reason) {
        return new PermanentStageException(location(), reason);
    }

    private PermanentStageException malformed(IOException e) {
        return new PermanentStageException(origin + ": " + e.getMessage(), at(reader.recordNumber() + 1), null, e);
    }
}
