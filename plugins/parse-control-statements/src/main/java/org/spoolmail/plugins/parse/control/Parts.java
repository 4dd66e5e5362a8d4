package org.spoolmail.plugins.parse.control;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Optional;

import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.mail.ContentTransferEncoding;
import org.spoolmail.exits.mail.ContentType;
import org.spoolmail.exits.mail.HeaderSection;
import org.spoolmail.exits.mail.MimePart;
import org.spoolmail.exits.mail.PartBody;
import org.spoolmail.exits.mail.RecordReader;
import org.spoolmail.exits.mail.TextRecords;

/**
 * Makes the leaf parts of a message: inline body blocks and text files as untranslated records in their own CCSID
 * (the codepage-translate stage turns them into lines), binary files as content no stage may change, marked
 * base64, and attachments with Content-Disposition {@code attachment; filename="NAME"}. Every file comes opened from
 * the input's {@code InputFiles} (which refuses one that reports 0 octets but holds data, such as Linux /proc files,
 * rather than send it empty). Thread-safe.
 */
final class Parts {

    private Parts() {
    }

    /**
     * Makes a body part from the records of an inline block, symbols substituted, as the deck is read: the records
     * go straight into the part's body, which spills to a temporary file past
     * {@value TextRecords.Writer#MEMORY_LIMIT} octets, so a TEXT block of any size costs no more heap than a
     * short one.
     *
     * @param type text/plain or text/html
     * @param reader reads the block from the deck
     * @param opener the TEXT or HTML statement
     * @param marker the block's end marker
     * @param deck the deck
     * @return the leaf, records in the deck's CCSID
     * @throws PermanentStageException if a symbol has no value or the block has no end
     * @throws IOException if the deck cannot be read or the records cannot spill to their temporary file
     */
    static MimePart inline(ContentType type, StatementReader reader, Statement opener, String marker,
            DeckContext deck) throws PermanentStageException, IOException {
        Charset charset = deck.ccsid().charset();
        TextRecords.Writer body = TextRecords.writer(deck.ccsid());
        reader.block(opener, marker, r -> body.add(r.text().indexOf('&') >= 0
                ? deck.substitute(r.text(), r.number()).getBytes(charset) : r.octets()));
        return MimePart.leaf(type, Optional.empty(), new PartBody.Records(body.finish()));
    }

    /**
     * Makes a body part from a text file.
     *
     * @param type text/plain or text/html
     * @param file the file's operands
     * @param s the statement, for errors
     * @param deck the deck
     * @return the leaf, records in the file's CCSID
     * @throws PermanentStageException if the file cannot be read or its records are malformed
     */
    static MimePart textFile(ContentType type, FileOperands file, Statement s, DeckContext deck)
            throws PermanentStageException {
        return MimePart.leaf(type, Optional.empty(), new PartBody.Records(records(file, s, deck)));
    }

    /**
     * Makes an attachment.
     *
     * @param file the file's operands
     * @param s the statement, for errors
     * @param deck the deck
     * @return the leaf with its disposition
     * @throws PermanentStageException if the file cannot be read or its records are malformed
     */
    static MimePart attachment(FileOperands file, Statement s, DeckContext deck) throws PermanentStageException {
        HeaderSection disposition = HeaderSection.EMPTY.with("Content-Disposition", "attachment; filename=\""
                + file.name().replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
        if (file.binary()) {
            ContentType type = file.type().orElse(ContentType.OCTET_STREAM).withParameter("name", file.name());
            // Opened once, when the statement was read: delivery sends these octets, whatever the name denotes by
            // then (and on the spool server they are the octets the item carries, never a path it names).
            return new MimePart(type, Optional.of(ContentTransferEncoding.BASE64), disposition,
                    Optional.of(new PartBody.Binary(file.file().content())), List.of());
        }
        ContentType type = file.type().orElse(ContentType.TEXT_PLAIN).withParameter("name", file.name());
        return new MimePart(type, Optional.empty(), disposition,
                Optional.of(new PartBody.Records(records(file, s, deck))), List.of());
    }

    private static TextRecords records(FileOperands file, Statement s, DeckContext deck)
            throws PermanentStageException {
        TextRecords.Writer writer = TextRecords.writer(file.ccsid());
        RecordReader reader = null;
        try (InputStream in = file.file().content().open()) {
            reader = file.format().reader(in);
            byte[] record;
            while ((record = reader.next()) != null) {
                writer.add(record);
            }
            return writer.finish();
        } catch (EOFException e) {
            throw deck.error(s.record(), s.keyword() + ": file " + file.file().path() + " (RECFM " + file.format()
                    + "): " + e.getMessage());
        } catch (IOException e) {
            String where = reader == null ? "" : " at its record " + (reader.recordNumber() + 1);
            throw deck.error(s.record(), s.keyword() + ": file " + file.file().path() + " (RECFM " + file.format()
                    + ") cannot be read" + where + ": " + e.getMessage());
        }
    }
}
