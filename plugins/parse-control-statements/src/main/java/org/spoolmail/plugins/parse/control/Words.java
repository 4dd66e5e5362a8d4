package org.spoolmail.plugins.parse.control;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits operand text into words: blanks separate words, a comma is a word of its own when asked, and a quoted
 * string ({@code '...'} or {@code "..."}, the quote doubled inside for itself, as in JCL) keeps blanks and commas.
 * Quotes may stand inside a word ({@code NAME='Q4 report.txt'} is one word, {@code NAME=Q4 report.txt}).
 */
final class Words {

    /**
     * One word.
     *
     * @param text the word with quotes removed
     * @param quoted true if any of it was quoted
     * @param comma true for a comma separator
     */
    record Word(String text, boolean quoted, boolean comma) {
    }

    /** A quote opened and never closed; the column is 1-based in the operand text. */
    static final class UnbalancedQuoteException extends Exception {
        private static final long serialVersionUID = 1L;

        UnbalancedQuoteException(char quote, int column) {
            super("unbalanced quote: the " + quote + " at column " + column + " of the operands is never closed"
                    + " (write " + quote + quote + " for the quote itself)");
        }
    }

    private Words() {
    }

    /**
     * Splits operand text.
     *
     * @param text the operands
     * @param commas true if a comma outside quotes separates words (address lists)
     * @return the words, in order
     * @throws UnbalancedQuoteException if a quote is not closed
     */
    static List<Word> split(String text, boolean commas) throws UnbalancedQuoteException {
        List<Word> words = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inWord = false;
        boolean quoted = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                i = quotedString(text, i, current);
                inWord = true;
                quoted = true;
                continue;
            }
            if (c == ' ' || c == '\t' || (commas && c == ',')) {
                if (inWord) {
                    words.add(new Word(current.toString(), quoted, false));
                    current.setLength(0);
                    inWord = false;
                    quoted = false;
                }
                if (c == ',') {
                    words.add(new Word(",", false, true));
                }
            } else {
                current.append(c);
                inWord = true;
            }
            i++;
        }
        if (inWord) {
            words.add(new Word(current.toString(), quoted, false));
        }
        return words;
    }

    /**
     * Reads the value of an operand that is one value: either one quoted string, or the text as written.
     *
     * @param text the operand text, stripped
     * @return the value
     * @throws UnbalancedQuoteException if the quote is not closed
     * @throws IllegalArgumentException if text follows the closing quote
     */
    static String single(String text) throws UnbalancedQuoteException {
        if (text.isEmpty() || (text.charAt(0) != '\'' && text.charAt(0) != '"')) {
            return text;
        }
        StringBuilder value = new StringBuilder();
        int end = quotedString(text, 0, value);
        if (end < text.length()) {
            throw new IllegalArgumentException("text after the closing quote: '" + text.substring(end).strip()
                    + "' (put the whole value inside the quotes)");
        }
        return value.toString();
    }

    /** Appends the quoted string at {@code open} without its quotes; returns the index after the closing quote. */
    private static int quotedString(String text, int open, StringBuilder out) throws UnbalancedQuoteException {
        char quote = text.charAt(open);
        int i = open + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    out.append(quote);
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            out.append(c);
            i++;
        }
        throw new UnbalancedQuoteException(quote, open + 1);
    }
}
