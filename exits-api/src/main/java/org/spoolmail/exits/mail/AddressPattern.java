package org.spoolmail.exits.mail;

import java.util.regex.Pattern;

/**
 * A pattern over an address, a domain or a name, with {@code *} (any run of characters, also none) and {@code ?}
 * (exactly one character), compared ignoring case, as JES job-name masks and RACF generic profiles use them. Every
 * other character stands for itself, so {@code .} is a dot and {@code +} a plus sign. The whole value must match:
 *
 * <ul>
 *   <li>{@code PAY*} matches {@code PAYROLL1}, {@code PAY} and {@code payroll1}, not {@code XPAY1};</li>
 *   <li>{@code PAY?} matches {@code PAY1}, not {@code PAY12};</li>
 *   <li>{@code *@reports.example.com} matches {@code daily@REPORTS.example.com}, not
 *       {@code daily@reports.example.com.evil.org} nor {@code daily@evilreports.example.com};</li>
 *   <li>{@code *.example.com} matches the domain {@code mail.example.com}, not {@code example.com}.</li>
 * </ul>
 *
 * <p>Case is compared by Unicode simple case folding, so the domain part follows RFC 5321 section 2.4 (domains are
 * case-insensitive). Local-parts are case-sensitive by RFC 5321, but site rules compare them ignoring case as mail
 * systems do; an exit that needs exact local-parts compares {@link Mailbox} values itself.
 *
 * @since 1.0.0
 */
public final class AddressPattern {

    private final String text;
    private final Pattern pattern;

    private AddressPattern(String text, Pattern pattern) {
        this.text = text;
        this.pattern = pattern;
    }

    /**
     * Compiles a pattern.
     *
     * @param text the pattern as written, e.g. {@code PAY*}, {@code *@reports.example.com} or {@code *.example.com};
     *     not null
     * @return the pattern
     * @throws NullPointerException if text is null
     * @throws IllegalArgumentException if text is empty or holds a blank, a control character or a line separator,
     *     which no address, domain or job name holds; the message names the character
     */
    public static AddressPattern of(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("address pattern is empty");
        }
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
                throw new IllegalArgumentException("address pattern '" + Mailbox.printable(text) + "' holds "
                        + AddressSyntax.describe(c) + ", which no address, domain or name may hold");
            }
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return new AddressPattern(text, Pattern.compile(regex.toString(),
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL));
    }

    /**
     * Tells whether the whole value matches, ignoring case.
     *
     * @param value an address ({@code local@domain}), a domain or a name; not null
     * @return true if the pattern covers the whole value
     * @throws NullPointerException if value is null
     */
    public boolean matches(String value) {
        return pattern.matcher(value).matches();
    }

    /**
     * Tells whether an address matches, as {@link #matches(String)} on its canonical {@code local@domain}
     * ({@link Mailbox#canonical()}), so that {@code "payroll"@example.com} cannot pass where
     * {@code payroll@example.com} is meant.
     *
     * @param mailbox the address; not null
     * @return true if the pattern covers the whole address
     * @throws NullPointerException if mailbox is null
     */
    public boolean matches(Mailbox mailbox) {
        return matches(mailbox.canonical().toString());
    }

    /**
     * Tells whether the pattern holds a wildcard; one without stands for exactly one value.
     *
     * @return true if the pattern holds {@code *} or {@code ?}
     */
    public boolean hasWildcard() {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0;
    }

    /**
     * Returns the pattern as written.
     *
     * @return the text given to {@link #of(String)}
     */
    @Override
    public String toString() {
        return text;
    }

    /**
     * Compares patterns by their text as written (case counts).
     *
     * @param o the other object; may be null
     * @return true if o is an AddressPattern with the same text
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof AddressPattern other && text.equals(other.text);
    }

    /**
     * Hashes the text as written.
     *
     * @return the hash of the text
     */
    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
