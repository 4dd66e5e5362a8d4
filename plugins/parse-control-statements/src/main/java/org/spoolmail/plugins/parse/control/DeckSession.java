package org.spoolmail.plugins.parse.control;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.mail.ContentType;
import org.spoolmail.exits.mail.HeaderField;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.MimePart;

/**
 * Reads one deck statement by statement and collects its messages: SEND ends a message, and so does the end of
 * the deck; nothing carries over from one message to the next. Not thread-safe: one per input.
 */
final class DeckSession {

    /** Header fields a HEADER statement may not set: statements, the kernel or the MIME stage own them. */
    private static final Set<String> PROTECTED = Set.of("from", "sender", "to", "cc", "bcc", "reply-to", "subject",
            "date", "message-id", "mime-version", "importance", "x-priority", "return-path", "received");

    private final StatementReader reader;
    private final DeckContext deck;
    private final int maxRecipients;
    private final List<MailObject> messages = new ArrayList<>();
    private MessageDraft draft;

    /**
     * @param reader the deck's statements
     * @param deck the deck
     * @param maxRecipients the most addresses one message's TO, CC and BCC statements may hold together
     */
    DeckSession(StatementReader reader, DeckContext deck, int maxRecipients) {
        this.reader = reader;
        this.deck = deck;
        this.maxRecipients = maxRecipients;
    }

    /**
     * Reads the whole deck.
     *
     * @param lastRecord supplies the number of the deck's last record once it is read
     * @return the messages in deck order, at least one
     * @throws PermanentStageException if a statement is malformed or a message incomplete
     * @throws IOException if the deck or a file cannot be read
     */
    List<MailObject> run(LongSupplier lastRecord) throws PermanentStageException, IOException {
        Statement s;
        while ((s = reader.next()) != null) {
            if (s.keyword() == Keyword.SEND) {
                send(s);
            } else {
                if (draft == null) {
                    draft = new MessageDraft(s.record());
                }
                apply(s);
            }
        }
        if (draft != null) {
            messages.add(draft.build(lastRecord.getAsLong(), deck));
        }
        if (messages.isEmpty()) {
            throw deck.error(0, "the deck holds no message: write at least FROM, TO and SEND statements");
        }
        return messages;
    }

    private void send(Statement s) throws PermanentStageException, IOException {
        if (!s.operands().isEmpty()) {
            throw deck.error(s.record(), "SEND takes no operands, found '" + s.operands() + "'");
        }
        if (draft == null) {
            throw deck.error(s.record(), "SEND without a message: no statement since the deck began or the last SEND");
        }
        messages.add(draft.build(s.record(), deck));
        draft = null;
    }

    private void apply(Statement s) throws PermanentStageException, IOException {
        switch (s.keyword()) {
            case FROM -> from(s);
            case TO -> recipients(draft.to, s);
            case CC -> recipients(draft.cc, s);
            case BCC -> recipients(draft.bcc, s);
            case REPLYTO -> draft.replyTo.addAll(AddressList.read(s, deck));
            case SUBJECT -> draft.subject(deck.substitute(single(s), s.record()), s, deck);
            case IMPORTANCE -> draft.importance(Importance.of(required(s)).orElseThrow(() -> deck.error(s.record(),
                    "IMPORTANCE must be HIGH, NORMAL or LOW, not '" + s.operands() + "'")), s, deck);
            case HEADER -> header(s);
            case TEXT, HTML -> inline(s);
            case TEXTFILE, HTMLFILE -> file(s);
            case ATTACH -> draft.attachments.add(Parts.attachment(FileOperands.read(s, deck), s, deck));
            default -> throw new IllegalStateException("unhandled statement " + s.keyword());
        }
    }

    private void recipients(List<Address> list, Statement s) throws PermanentStageException {
        list.addAll(AddressList.read(s, deck));
        if (draft.to.size() + draft.cc.size() + draft.bcc.size() > maxRecipients) {
            throw deck.error(s.record(), "more than max-recipients " + maxRecipients + " addresses in the TO, CC"
                    + " and BCC statements of the message that starts at record " + draft.firstRecord());
        }
    }

    private void from(Statement s) throws PermanentStageException {
        List<Address> addresses = AddressList.read(s, deck);
        if (addresses.size() > 1) {
            throw deck.error(s.record(), "FROM names one sender, found " + addresses.size() + " addresses");
        }
        draft.from(addresses.get(0), s, deck);
    }

    private void header(Statement s) throws PermanentStageException {
        String operands = required(s);
        int blank = 0;
        while (blank < operands.length() && operands.charAt(blank) != ' ' && operands.charAt(blank) != '\t') {
            blank++;
        }
        String name = operands.substring(0, blank);
        String rest = operands.substring(blank).strip();
        if (name.length() > 1 && name.endsWith(":")) {
            name = name.substring(0, name.length() - 1);
        } else if (rest.startsWith(":")) {
            rest = rest.substring(1).strip();
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (PROTECTED.contains(lower) || lower.startsWith("content-") || lower.startsWith("resent-")) {
            throw deck.error(s.record(), "HEADER may not set " + name + ": " + (lower.startsWith("content-")
                    || lower.equals("mime-version") ? "the MIME structure is made from TEXT, HTML and ATTACH"
                    : "it comes from its own statement or is added when the message is sent"));
        }
        if (rest.isEmpty()) {
            throw deck.error(s.record(), "HEADER " + name + " needs a value after the field name");
        }
        String value = deck.substitute(single(new Statement(s.keyword(), rest, s.record())), s.record());
        try {
            draft.headers.add(new HeaderField(name, value));
        } catch (IllegalArgumentException e) {
            throw deck.error(s.record(), "HEADER: " + e.getMessage());
        }
    }

    private void inline(Statement s) throws PermanentStageException, IOException {
        Keyword kind = s.keyword();
        String marker = "END" + kind;
        if (!s.operands().isEmpty()) {
            String op = s.operands();
            if (!op.toUpperCase(Locale.ROOT).startsWith("END=") || op.length() == 4 || op.indexOf(' ') >= 0) {
                throw deck.error(s.record(), kind + " takes no operand but END=marker, found '" + op + "'");
            }
            marker = op.substring(4);
        }
        if (draft.hasBody(kind)) {
            throw deck.error(s.record(), "a second " + kind + " body in one message");
        }
        MimePart part = Parts.inline(type(kind), reader, s, marker, deck);
        body(kind, part, s);
    }

    private void file(Statement s) throws PermanentStageException {
        Keyword kind = s.keyword() == Keyword.TEXTFILE ? Keyword.TEXT : Keyword.HTML;
        body(kind, Parts.textFile(type(kind), FileOperands.read(s, deck), s, deck), s);
    }

    private void body(Keyword kind, MimePart part, Statement s)
            throws PermanentStageException {
        if (kind == Keyword.TEXT) {
            draft.text(part, s, deck);
        } else {
            draft.html(part, s, deck);
        }
    }

    private static ContentType type(Keyword kind) {
        return kind == Keyword.TEXT ? ContentType.TEXT_PLAIN : new ContentType("text", "html", Map.of());
    }

    private String required(Statement s) throws PermanentStageException {
        if (s.operands().isEmpty()) {
            throw deck.error(s.record(), s.keyword() + " needs a value");
        }
        return s.operands();
    }

    private String single(Statement s) throws PermanentStageException {
        try {
            return Words.single(required(s));
        } catch (Words.UnbalancedQuoteException | IllegalArgumentException e) {
            throw deck.error(s.record(), s.keyword() + ": " + e.getMessage());
        }
    }
}
