package org.spoolmail.plugins.parse.smtp;

import java.io.EOFException;
import java.io.IOException;

import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.mail.InputLocation;
import org.spoolmail.exits.mail.RecordReader;

/**
 * The records of one input with their place, for error messages. A malformed record structure (a truncated or
 * impossible RDW) is the input's fault and so permanent; any other read failure stays an {@link IOException}.
 */
final class InputRecords {

    private final RecordReader reader;
    private final String origin;

    InputRecords(RecordReader reader, String origin) {
        this.reader = reader;
        this.origin = origin;
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
            return reader.next();
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
