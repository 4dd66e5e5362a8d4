package org.spoolmail.kernel.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.spoolmail.exits.mail.ContentHandle;
import org.spoolmail.exits.mail.MailInput;
import org.spoolmail.exits.mail.MailObject;
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
            ContentHandle range = slice(input.data(), offsets[i], end - offsets[i]);
            if (!sameTransaction(input, range, parsed.parser(), mails.get(i))) {
                return whole;
            }
            pieces.add(new Piece(range, 0, mails.get(i)));
        }
        return pieces;
    }

    /** Octets {@code offset} to {@code offset + length} of another handle, read afresh at each open. */
    private static ContentHandle slice(ContentHandle whole, long offset, long length) {
        return new ContentHandle() {
            @Override
            public InputStream open() throws IOException {
                InputStream in = whole.open();
                in.skipNBytes(offset);
                return new java.io.FilterInputStream(in) {
                    private long left = length;

                    @Override
                    public int read() throws IOException {
                        return left-- > 0 ? super.read() : -1;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        if (left <= 0) {
                            return -1;
                        }
                        int n = super.read(b, off, (int) Math.min(len, left));
                        left -= Math.max(n, 0);
                        return n;
                    }
                };
            }

            @Override
            public long sizeOctets() {
                return length;
            }
        };
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
