package org.spoolmail.plugins.parse.control;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.mail.Attributes;
import org.spoolmail.exits.mail.Envelope;
import org.spoolmail.exits.mail.ForwardPath;
import org.spoolmail.exits.mail.HeaderField;
import org.spoolmail.exits.mail.HeaderSection;
import org.spoolmail.exits.mail.MailContent;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.MimePart;
import org.spoolmail.exits.mail.ReversePath;

/**
 * One message being read from a deck, between its first statement and SEND (or the end of the deck). Knows which
 * statements may appear only once, and builds the mail object: reverse-path from FROM, forward-paths from TO, CC
 * and BCC (each address once), header fields From, Reply-To, To, Cc, Subject, Importance, X-Priority and the
 * HEADER fields in that order; Bcc never appears in the header section. Not thread-safe: one per message.
 */
final class MessageDraft {

    final List<Address> to = new ArrayList<>();
    final List<Address> cc = new ArrayList<>();
    final List<Address> bcc = new ArrayList<>();
    final List<Address> replyTo = new ArrayList<>();
    final List<HeaderField> headers = new ArrayList<>();
    final List<MimePart> attachments = new ArrayList<>();
    private final long firstRecord;
    private Optional<Address> from = Optional.empty();
    private Optional<String> subject = Optional.empty();
    private Optional<Importance> importance = Optional.empty();
    private Optional<MimePart> text = Optional.empty();
    private Optional<MimePart> html = Optional.empty();

    /** @param firstRecord the record of the message's first statement */
    MessageDraft(long firstRecord) {
        this.firstRecord = firstRecord;
    }

    /** @return the record of the message's first statement */
    long firstRecord() {
        return firstRecord;
    }

    void from(Address address, Statement s, DeckContext deck) throws PermanentStageException {
        from = Optional.of(once(from, address, s, deck, "end the message with SEND before the next FROM"));
    }

    void subject(String value, Statement s, DeckContext deck) throws PermanentStageException {
        subject = Optional.of(once(subject, value, s, deck, "continue a long subject with '-' at the end"));
    }

    void importance(Importance value, Statement s, DeckContext deck) throws PermanentStageException {
        importance = Optional.of(once(importance, value, s, deck, "give one of HIGH, NORMAL or LOW"));
    }

    void text(MimePart part, Statement s, DeckContext deck) throws PermanentStageException {
        text = Optional.of(once(text, part, s, deck, "a message has one TEXT or TEXTFILE body"));
    }

    void html(MimePart part, Statement s, DeckContext deck) throws PermanentStageException {
        html = Optional.of(once(html, part, s, deck, "a message has one HTML or HTMLFILE body"));
    }

    /** @return true if a TEXT or TEXTFILE body, or an HTML or HTMLFILE body, is already there */
    boolean hasBody(Keyword kind) {
        return kind == Keyword.TEXT || kind == Keyword.TEXTFILE ? text.isPresent() : html.isPresent();
    }

    /**
     * Builds the mail object.
     *
     * @param endRecord the SEND record, or the last record of the deck
     * @param deck the deck
     * @return the mail object, with attributes {@code origin} and {@code input-record}
     * @throws PermanentStageException if FROM or every recipient is missing
     * @throws IOException if an empty body cannot be made
     */
    MailObject build(long endRecord, DeckContext deck) throws PermanentStageException, IOException {
        Address sender = from.orElseThrow(() -> deck.error(endRecord, "the message that starts at record "
                + firstRecord + " has no FROM statement"));
        List<ForwardPath> paths = new ArrayList<>();
        for (List<Address> list : List.of(to, cc, bcc)) {
            for (Address a : list) {
                if (paths.stream().noneMatch(p -> p.mailbox().sameAs(a.mailbox()))) {
                    paths.add(new ForwardPath(a.mailbox()));
                }
            }
        }
        if (paths.isEmpty()) {
            throw deck.error(endRecord, "the message that starts at record " + firstRecord
                    + " has no recipient: give at least one TO, CC or BCC statement");
        }
        MailContent content = new MailContent(headerSection(sender), PartTree.root(text, html, attachments,
                deck.ccsid()));
        Attributes attributes = Attributes.EMPTY.with("origin", deck.input().origin())
                .with("input-record", Long.toString(firstRecord));
        return MailObject.of(UUID.randomUUID().toString(), new Envelope(ReversePath.of(sender.mailbox()), paths),
                content, deck.input().identity()).withAttributes(attributes);
    }

    private HeaderSection headerSection(Address sender) {
        List<HeaderField> fields = new ArrayList<>();
        fields.add(new HeaderField("From", sender.headerForm()));
        addList(fields, "Reply-To", replyTo);
        addList(fields, "To", to);
        addList(fields, "Cc", cc);
        subject.ifPresent(v -> fields.add(new HeaderField("Subject", v)));
        importance.ifPresent(i -> {
            fields.add(new HeaderField("Importance", i.importance()));
            fields.add(new HeaderField("X-Priority", i.priority()));
        });
        fields.addAll(headers);
        return new HeaderSection(fields);
    }

    private static void addList(List<HeaderField> fields, String name, List<Address> list) {
        if (!list.isEmpty()) {
            fields.add(new HeaderField(name, String.join(", ", list.stream().map(Address::headerForm).toList())));
        }
    }

    private static <T> T once(Optional<T> earlier, T value, Statement s, DeckContext deck, String hint)
            throws PermanentStageException {
        if (earlier.isPresent()) {
            throw deck.error(s.record(), "a second " + s.keyword() + " statement in one message (" + hint + ")");
        }
        return value;
    }
}
