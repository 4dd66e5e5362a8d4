package org.spoolmail.plugins.parse.rfc5322;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.mail.HeaderRecords;
import org.spoolmail.exits.mail.InputLocation;
import org.spoolmail.exits.mail.MailContent;
import org.spoolmail.exits.mail.MailInput;
import org.spoolmail.exits.mail.RecordReader;
import org.spoolmail.exits.mail.RootPartHeaders;
import org.spoolmail.exits.mail.TextRecords;
import org.spoolmail.exits.mail.UndecodableTextException;

/**
 * The records of one message read into a header section (decoded, trailing padding and record-end bytes removed)
 * and body records (untranslated, in the input CCSID). A header record with a control character inside it is
 * refused with its record number, so no x'25', x'15', x'0D', CR or LF becomes a line break in a header field.
 * Header records are decoded strictly: octets not valid in the input CCSID are refused with the record and a hint at --codepage.
 *
 * @param headers the header lines, with the record of each field
 * @param content the message content
 * @param headerEndRecord the record where the header section ends: the blank line after it, else its last record
 *     (1 if the input starts with the body); errors about the header section as a whole name it
 */
record MessageRecords(HeaderRecords headers, MailContent content, long headerEndRecord) {

    /**
     * Reads the whole input.
     *
     * @param input the input
     * @param in its octets
     * @param maxHeaderOctets the longest header section, in octets of its records
     * @return the message
     * @throws PermanentStageException if a header field is malformed, the header section is too long, the record
     *     structure is broken, or the input is empty
     * @throws IOException if reading fails
     */
    static MessageRecords read(MailInput input, InputStream in, long maxHeaderOctets)
            throws PermanentStageException, IOException {
        RecordReader reader = input.recordFormat().reader(in);
        HeaderRecords headers = new HeaderRecords();
        TextRecords.Writer body = TextRecords.writer(input.ccsid());
        boolean inHeader = true;
        long headerOctets = 0;
        long headerEnd = 0;
        byte[] record;
        while ((record = next(reader, input.origin())) != null) {
            if (inHeader) {
                InputLocation at = new InputLocation(input.origin(), reader.recordNumber());
                headerOctets += record.length;
                if (headerOctets > maxHeaderOctets) {
                    throw new PermanentStageException(at, "the header section is longer than max-header-octets "
                            + maxHeaderOctets);
                }
                HeaderRecords.Kind kind = headers.accept(HeaderRecords.withoutPadding(decoded(input, record, at)), at);
                inHeader = kind == HeaderRecords.Kind.FIELD;
                if (kind != HeaderRecords.Kind.BODY) {
                    headerEnd = at.recordNumber();
                    continue;
                }
            }
            body.add(record);
        }
        if (reader.recordNumber() == 0) {
            throw new PermanentStageException(new InputLocation(input.origin(), 0), "the input is empty");
        }
        return new MessageRecords(headers, RootPartHeaders.content(headers, body.finish()),
                Math.max(1, headerEnd));
    }

    private static String decoded(MailInput input, byte[] record, InputLocation at)
            throws PermanentStageException {
        try {
            return input.ccsid().decode(record);
        } catch (UndecodableTextException e) {
            throw new PermanentStageException(at, e.getMessage());
        }
    }

    private static byte[] next(RecordReader reader, String origin) throws PermanentStageException, IOException {
        try {
            return reader.next();
        } catch (EOFException e) {
            throw malformed(reader, origin, e);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("record ")) {
                throw malformed(reader, origin, e);
            }
            throw e;
        }
    }

    /** A broken record structure or a record over the length limit: the input's fault, so permanent. */
    private static PermanentStageException malformed(RecordReader reader, String origin, IOException e) {
        return new PermanentStageException(origin + ": " + e.getMessage(),
                new InputLocation(origin, reader.recordNumber() + 1), null, e);
    }
}
