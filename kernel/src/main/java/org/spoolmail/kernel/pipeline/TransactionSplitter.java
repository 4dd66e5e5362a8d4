package org.spoolmail.kernel.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.spoolmail.exits.mail.ContentHandle;
import org.spoolmail.exits.mail.MailInput;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.kernel.queue.ContentSlice;
import org.spoolmail.kernel.queue.RecordOffsets;

/**
 * Cuts an input that holds several transactions into one piece per transaction, at the record where each one's
 * first command (the parser's {@code input-record}) starts; the first piece keeps what comes before (HELO). The
 * octets are never decoded or changed. Each piece is parsed again and must give exactly its transaction (same
 * reverse-path and forward-paths); when one does not, the pieces are not used and each item holds the whole input
 * with its index instead, which is larger but always right.
 */
public final class TransactionSplitter {

    private final PipelineRunner runner;

    /** @param runner the runner whose parsers read the pieces again */
    public TransactionSplitter(PipelineRunner runner) {
        this.runner = runner;
    }

    /**
     * One item to queue: its octets and which mail object of them it is.
     *
     * @param data the octets: the transaction's records, or the whole input
     * @param index which mail object of {@code data} it is (0 for a transaction's own records)
     * @param mail the mail object as the whole input's parse gave it
     */
    public record Piece(ContentHandle data, int index, MailObject mail) {
    }

    /**
     * @param input the input
     * @param parsed its parse
     * @return one piece per mail object, in order
     * @throws IOException if the input cannot be read
     */
    public List<Piece> split(MailInput input, ParsedInput parsed) throws IOException {
        List<MailObject> mails = parsed.mails();
        List<Piece> whole = new ArrayList<>();
        for (int i = 0; i < mails.size(); i++) {
            whole.add(new Piece(input.data(), i, mails.get(i)));
        }
        if (mails.size() < 2) {
            return whole;
        }
        long[] starts = new long[mails.size()];
        for (int i = 0; i < mails.size(); i++) {
            Optional<String> record = mails.get(i).attributes().get("input-record");
            if (record.isEmpty() || !record.get().matches("\\d{1,18}")) {
                return whole;
            }
            starts[i] = i == 0 ? 1 : Long.parseLong(record.get());
            if (i > 0 && starts[i] <= starts[i - 1]) {
                return whole;
            }
        }
        long[] offsets;
        try (InputStream in = input.data().open()) {
            offsets = RecordOffsets.of(in, input.recordFormat(), starts);
        }
        long size = input.data().sizeOctets();
        List<Piece> pieces = new ArrayList<>();
        for (int i = 0; i < mails.size(); i++) {
            long end = i + 1 < mails.size() ? offsets[i + 1] : size;
            ContentHandle range = new ContentSlice(input.data(), offsets[i], end - offsets[i]);
            if (!sameTransaction(input, range, parsed.parser(), mails.get(i))) {
                return whole;
            }
            pieces.add(new Piece(range, 0, mails.get(i)));
        }
        return pieces;
    }

    private boolean sameTransaction(MailInput input, ContentHandle range, String parser, MailObject expected) {
        try {
            // The same files as the whole input's parse: a piece never opens a named file again.
            ParsedInput again = runner.parse(input.withData(range), Optional.of(parser));
            return again.mails().size() == 1
                    && again.mails().get(0).envelope().equals(expected.envelope());
        } catch (InputRefusedException e) {
            return false;
        }
    }
}
