package org.spoolmail.exits.mail;

import java.nio.charset.StandardCharsets;

/**
 * Builds one header field in its wire form from unbreakable words: the field is folded (CRLF before the white space
 * that precedes a word) to keep lines within 78 octets where possible, and never lets a line pass 998 octets.
 * Unfolding the result gives back the words with their white space exactly.
 */
final class HeaderFolder {

    /** RFC 5322 section 2.1.1: the line length to keep within where possible, CRLF excluded. */
    static final int SOFT_LIMIT = 78;
    /** RFC 5322 section 2.1.1: the line length no line may pass, CRLF excluded. */
    static final int HARD_LIMIT = 998;

    private final String name;
    private final StringBuilder text = new StringBuilder();
    private int lineOctets;
    private String pendingSpace = " ";
    private boolean lineHasWord;

    /**
     * @param name the field name
     */
    HeaderFolder(String name) {
        this.name = name;
        text.append(name).append(':');
        lineOctets = name.length() + 1;
    }

    /**
     * Sets the white space that goes before the next word; a fold may go there.
     *
     * @param whiteSpace spaces and tabs, or "" to glue the next word to the previous one
     */
    void space(String whiteSpace) {
        pendingSpace = whiteSpace;
    }

    /**
     * Appends a word after the pending white space, folding first if the line would pass 78 octets.
     *
     * @param word the word; never broken
     * @throws IllegalStateException if the word cannot be placed within 998 octets
     */
    void word(String word) {
        int octets = octets(word);
        boolean canFold = !pendingSpace.isEmpty() && lineHasWord;
        if (canFold && lineOctets + pendingSpace.length() + octets > SOFT_LIMIT) {
            text.append("\r\n");
            lineOctets = 0;
        }
        text.append(pendingSpace).append(word);
        lineOctets += pendingSpace.length() + octets;
        pendingSpace = "";
        lineHasWord = true;
        if (lineOctets > HARD_LIMIT) {
            throw new IllegalStateException("header field " + name + " has a word too long for a line of "
                    + HARD_LIMIT + " octets");
        }
    }

    /**
     * Tells how long the next word may be to fit on the current line, or on a new line if too little room is left.
     *
     * @param minimum the least room worth using
     * @param maximum the most room wanted
     * @return the room in octets, between minimum and maximum
     */
    int room(int minimum, int maximum) {
        int here = SOFT_LIMIT - lineOctets - pendingSpace.length();
        if (here < minimum && lineHasWord && !pendingSpace.isEmpty()) {
            here = SOFT_LIMIT - pendingSpace.length();
        }
        return Math.max(minimum, Math.min(maximum, here));
    }

    /** @return the field with its final CRLF */
    String finish() {
        return text + "\r\n";
    }

    static int octets(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return s.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return s.length();
    }
}
