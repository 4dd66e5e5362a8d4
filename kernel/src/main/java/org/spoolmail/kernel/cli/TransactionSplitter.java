package org.spoolmail.kernel.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.spoolmail.exits.mail.ContentHandle;
import org.spoolmail.exits.mail.MailInput;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.kernel.pipeline.InputRefusedException;
import org.spoolmail.kernel.pipeline.ParsedInput;
import org.spoolmail.kernel.pipeline.PipelineRunner;
import org.spoolmail.kernel.queue.RecordOffsets;

/**
 * Cuts an input that holds several transactions into one piece per transaction, at the record where each one's
 * first command (the parser's {@code input-record}) starts; the first piece keeps what comes before (HELO). The
 * octets are never decoded or changed. Each piece is parsed again and must give exactly its transaction (same
 * reverse-path and forward-paths); when one does not, the pieces are not used and each item holds the whole input
 * with its index instead, which is larger but always right.
 */
final class TransactionSplitter {

    private final PipelineRunner runner;

    TransactionSplitter(PipelineRunner runner) {
        this.runner = runner;
    }

    /** One item to submit: its octets and which mail object of them it is. */
    record Piece(ContentHandle data, int index, MailObject mail) {
    }

    List<Piece> split(MailInput input, Path file, ParsedInput parsed) throws IOException {
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
            ContentHandle range = ContentHandle.ofRange(file, offsets[i], end - offsets[i]);
            if (!sameTransaction(input, range, parsed.parser(), mails.get(i))) {
                return whole;
            }
            pieces.add(new Piece(range, 0, mails.get(i)));
        }
        return pieces;
    }

    private boolean sameTransaction(MailInput input, ContentHandle range, String parser, MailObject expected) {
        try {
            ParsedInput again = runner.parse(new MailInput(input.origin(), range, input.ccsid(),
                    input.recordFormat(), input.identity()), Optional.of(parser));
            return again.mails().size() == 1
                    && again.mails().get(0).envelope().equals(expected.envelope());
        } catch (InputRefusedException e) {
            return false;
        }
    }
}
