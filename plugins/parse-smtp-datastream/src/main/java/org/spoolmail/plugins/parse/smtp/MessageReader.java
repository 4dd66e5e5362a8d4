package org.spoolmail.plugins.parse.smtp;

import java.io.IOException;

import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.MailContent;
import org.spoolmail.exits.mail.TextRecords;

/**
 * Reads the data of one transaction: the records after DATA up to a line holding only "." (blanks and padding
 * allowed) or the end of the input. Each record is dot-unstuffed (RFC 5321 section 4.5.2); header lines are
 * decoded, body records are kept as octets in the input CCSID, trailing blanks included.
 */
final class MessageReader {

    private final InputRecords records;
    private final RecordText text;
    private final Ccsid ccsid;

    MessageReader(InputRecords records, RecordText text, Ccsid ccsid) {
        this.records = records;
        this.text = text;
        this.ccsid = ccsid;
    }

    /**
     * Reads up to and including the end-of-data line.
     *
     * @return the message content
     * @throws PermanentStageException if a header field is malformed
     * @throws IOException if reading the input or spilling the body fails
     */
    MailContent read() throws PermanentStageException, IOException {
        HeaderLines headers = new HeaderLines();
        TextRecords.Writer body = TextRecords.writer(ccsid);
        boolean inHeader = true;
        byte[] record;
        while ((record = records.next()) != null && !text.isEndOfData(record)) {
            byte[] line = text.unstuff(record);
            if (inHeader) {
                HeaderLines.Kind kind = headers.accept(text.headerLine(line), records.location());
                inHeader = kind == HeaderLines.Kind.FIELD;
                if (kind != HeaderLines.Kind.BODY) {
                    continue;
                }
            }
            body.add(line);
        }
        return RootPart.content(headers, body.finish(), records);
    }
}
