package org.spoolmail.plugins.parse.control;

import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;

import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.RecordReader;
import org.spoolmail.exits.mail.UndecodableTextException;

/**
 * The records of a deck, decoded strictly with its CCSID: a record holding octets that are not valid text in it
 * (statements, values and inline text alike) refuses the deck with its record and a hint at --codepage, never
 * U+FFFD. A malformed record structure (a truncated or impossible RDW) is
 * the deck's fault and so permanent; any other read failure stays an {@link IOException}. With sequence numbers
 * stripped, each 80-octet record loses its columns 73-80 (ISPF and card-deck numbering), as in the smtp-datastream
 * parser. Not thread-safe.
 */
final class DeckRecords {

    /** The card image whose columns 73-80 hold sequence numbers. */
    private static final int SEQUENCED_LRECL = 80;
    private static final int SEQUENCE_COLUMN = 73;

    private final RecordReader reader;
    private final Ccsid ccsid;
    private final DeckContext deck;
    private final boolean stripSequenceNumbers;

    /**
     * @param reader the deck's records
     * @param deck the deck
     * @param stripSequenceNumbers true to drop columns 73-80 of 80-octet records
     */
    DeckRecords(RecordReader reader, DeckContext deck, boolean stripSequenceNumbers) {
        this.reader = reader;
        this.ccsid = deck.ccsid();
        this.deck = deck;
        this.stripSequenceNumbers = stripSequenceNumbers;
    }

    /**
     * Reads the next record.
     *
     * @return the record, or null at the end of the deck
     * @throws PermanentStageException if the record structure is malformed or the record is not valid text
     * @throws IOException if reading fails
     */
    DeckRecord next() throws PermanentStageException, IOException {
        byte[] octets;
        try {
            octets = reader.next();
        } catch (EOFException e) {
            throw malformed(e);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("record ")) {
                throw malformed(e);
            }
            throw e;
        }
        if (octets == null) {
            return null;
        }
        if (stripSequenceNumbers && octets.length == SEQUENCED_LRECL) {
            octets = Arrays.copyOf(octets, SEQUENCE_COLUMN - 1);
        }
        return new DeckRecord(reader.recordNumber(), octets, decoded(octets));
    }

    private String decoded(byte[] octets) throws PermanentStageException {
        try {
            return ccsid.decode(octets);
        } catch (UndecodableTextException e) {
            throw deck.error(reader.recordNumber(), e.getMessage(), e);
        }
    }

    /**
     * The reader's messages start with {@code record N}; the deck's location names the record already, so it is
     * said once: {@code deck record 7 is longer than 1048576 octets}, {@code deck record 2: RDW says ...}.
     */
    private PermanentStageException malformed(IOException e) {
        long number = reader.recordNumber() + 1;
        String prefix = "record " + number;
        String message = String.valueOf(e.getMessage());
        if (message.startsWith(prefix + ": ")) {
            return deck.error(number, message.substring(prefix.length() + 2), e);
        }
        if (message.startsWith(prefix + " ")) {
            return deck.errorAt(number, message.substring(prefix.length()), e);
        }
        return deck.error(number, message, e);
    }

    /** @return the number of the last record read; 0 before the first */
    long lastNumber() {
        return reader.recordNumber();
    }
}
