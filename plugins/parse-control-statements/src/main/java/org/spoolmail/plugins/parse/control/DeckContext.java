package org.spoolmail.plugins.parse.control;

import java.io.IOException;

import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.InputFiles;
import org.spoolmail.exits.mail.InputLocation;
import org.spoolmail.exits.mail.MailInput;

/**
 * What every part of one deck's parse needs: where it came from (for error messages), where the files it names come
 * from, its CCSID, and the symbols to substitute. One per input, so parses of different decks share nothing.
 *
 * @param input the deck
 * @param symbols the symbol values of this run
 */
record DeckContext(MailInput input, Symbols symbols) {

    /**
     * Makes the context of one deck.
     *
     * @param input the deck
     * @param symbols the symbol values
     * @return the context
     */
    static DeckContext of(MailInput input, Symbols symbols) {
        return new DeckContext(input, symbols);
    }

    /** @return the deck's CCSID */
    Ccsid ccsid() {
        return input.ccsid();
    }

    /**
     * Makes the failure of a statement.
     *
     * @param record the number of the statement's first record
     * @param reason what is wrong, for the job author
     * @return the exception, its message prefixed with {@code origin record N: }
     */
    PermanentStageException error(long record, String reason) {
        return new PermanentStageException(new InputLocation(input.origin(), record), reason);
    }

    /**
     * Makes the failure of a record the reader could not read.
     *
     * @param record the number of the record
     * @param reason what is wrong
     * @param cause the reader's failure
     * @return the exception, its message prefixed with {@code origin record N: }
     */
    PermanentStageException error(long record, String reason, Throwable cause) {
        InputLocation at = new InputLocation(input.origin(), record);
        return new PermanentStageException(at + ": " + reason, at, null, cause);
    }

    /**
     * Makes the failure of a record whose reason reads on from the location, as in
     * {@code origin record N is longer than 1048576 octets}.
     *
     * @param record the number of the record
     * @param continuation the rest of the sentence, starting with a blank
     * @param cause the reader's failure
     * @return the exception
     */
    PermanentStageException errorAt(long record, String continuation, Throwable cause) {
        InputLocation at = new InputLocation(input.origin(), record);
        return new PermanentStageException(at + continuation, at, null, cause);
    }

    /**
     * Opens a file a statement names, through the input's {@link InputFiles}: the deck never opens a path itself,
     * so the spool server reads only the octets an item carries and {@code send} the submitter's own files.
     *
     * @param written the path as written, symbols substituted
     * @param s the statement
     * @return the opened file
     * @throws PermanentStageException if it cannot be opened, naming the statement's record and the reason
     */
    InputFiles.Opened open(String written, Statement s) throws PermanentStageException {
        try {
            return input.files().open(written);
        } catch (IOException e) {
            throw error(s.record(), s.keyword() + ": " + e.getMessage());
        }
    }

    /**
     * Replaces the symbols in a value of a statement.
     *
     * @param text the value, quotes already removed
     * @param record the statement's first record
     * @return the value with symbols replaced
     * @throws PermanentStageException if a symbol has no value in this run
     */
    String substitute(String text, long record) throws PermanentStageException {
        try {
            return symbols.substitute(text);
        } catch (Symbols.UnknownValueException e) {
            throw error(record, e.getMessage());
        }
    }
}
