package org.spoolmail.plugins.parse.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.mail.Mailbox;

/**
 * Reads the operands of an address statement: entries separated by commas, each an address, optionally after a
 * display name ({@code 'HR Reports' <hr@example.com>}, {@code HR Reports <hr@example.com>},
 * {@code 'HR Reports' hr@example.com}). Symbols are substituted in names and addresses. An address must have a
 * local part, an '@' and a domain with a dot. Thread-safe.
 */
final class AddressList {

    private AddressList() {
    }

    /**
     * Reads the addresses of a statement.
     *
     * @param statement the statement
     * @param deck the deck, for symbols and errors
     * @return at least one address
     * @throws PermanentStageException if the operands are empty or an entry is not an address
     */
    static List<Address> read(Statement statement, DeckContext deck) throws PermanentStageException {
        List<Words.Word> words;
        try {
            words = Words.split(statement.operands(), true);
        } catch (Words.UnbalancedQuoteException e) {
            throw deck.error(statement.record(), statement.keyword() + ": " + e.getMessage());
        }
        List<Address> out = new ArrayList<>();
        List<Words.Word> entry = new ArrayList<>();
        for (Words.Word w : words) {
            if (w.comma()) {
                out.add(entry(entry, statement, deck));
                entry.clear();
            } else {
                entry.add(w);
            }
        }
        out.add(entry(entry, statement, deck));
        return out;
    }

    private static Address entry(List<Words.Word> words, Statement s, DeckContext deck)
            throws PermanentStageException {
        if (words.isEmpty()) {
            throw deck.error(s.record(), s.keyword() + (s.operands().isEmpty() ? " needs an address"
                    : ": an empty entry in the address list (two commas, or a comma at an end)"));
        }
        String written = deck.substitute(words.get(words.size() - 1).text(), s.record());
        String address = written.startsWith("<") && written.endsWith(">") && written.length() > 1
                ? written.substring(1, written.length() - 1) : written;
        List<String> name = new ArrayList<>();
        for (Words.Word w : words.subList(0, words.size() - 1)) {
            name.add(deck.substitute(w.text(), s.record()));
        }
        Mailbox mailbox = mailbox(address, s, deck);
        String display = String.join(" ", name).strip();
        return new Address(display.isEmpty() ? Optional.empty() : Optional.of(display), mailbox);
    }

    private static Mailbox mailbox(String address, Statement s, DeckContext deck) throws PermanentStageException {
        Mailbox mailbox;
        try {
            mailbox = Mailbox.parse(address);
        } catch (IllegalArgumentException e) {
            throw deck.error(s.record(), s.keyword() + ": '" + address + "' is not an e-mail address: "
                    + e.getMessage());
        }
        if (!mailbox.isQualified()) {
            throw deck.error(s.record(), s.keyword() + ": '" + address + "' has no dot in its domain: write the"
                    + " full domain, e.g. " + mailbox.localPart() + "@" + mailbox.domain().toLowerCase(
                            java.util.Locale.ROOT) + ".example.com");
        }
        return mailbox;
    }
}
