package org.spoolmail.kernel.audit;

import org.spoolmail.exits.mail.AddressPattern;

/**
 * The value of {@code --sender} or {@code --recipient}: an exits-api {@link AddressPattern} ({@code *} and {@code ?},
 * case ignored, the whole value must match). A pattern with an at-sign is matched against the whole address
 * ({@code payroll@example.com}, {@code *@example.com}); one without against the domain only ({@code example.com},
 * {@code *.example.com}), so a job author can ask for a domain without knowing the wildcard rules. {@code <>} stands
 * for the null reverse-path.
 */
public final class AddressFilter {

    /** The null reverse-path as {@code --sender} takes it. */
    static final String NULL_PATH = "<>";

    private final AddressPattern pattern;
    private final boolean domainOnly;
    private final boolean nullPath;

    private AddressFilter(AddressPattern pattern, boolean domainOnly, boolean nullPath) {
        this.pattern = pattern;
        this.domainOnly = domainOnly;
        this.nullPath = nullPath;
    }

    /**
     * @param text the option's value
     * @param nullPathAllowed true for {@code --sender}, where {@code <>} is the null reverse-path
     * @return the filter
     * @throws IllegalArgumentException if the value is empty or holds a blank or control character
     */
    static AddressFilter of(String text, boolean nullPathAllowed) {
        if (nullPathAllowed && text.equals(NULL_PATH)) {
            return new AddressFilter(null, false, true);
        }
        String bare = text.startsWith("<") && text.endsWith(">") && text.length() > 2
                ? text.substring(1, text.length() - 1) : text;
        return new AddressFilter(AddressPattern.of(bare), bare.indexOf('@') < 0, false);
    }

    /**
     * @param address an address as the record has it, with or without angle brackets; {@code <>} or empty for the
     *     null reverse-path
     * @return true if it matches
     */
    boolean matches(String address) {
        String bare = address.startsWith("<") && address.endsWith(">")
                ? address.substring(1, address.length() - 1) : address;
        if (nullPath || bare.isEmpty()) {
            return nullPath && bare.isEmpty();
        }
        if (!domainOnly) {
            return pattern.matches(bare);
        }
        int at = bare.lastIndexOf('@');
        return at >= 0 && pattern.matches(bare.substring(at + 1));
    }
}
