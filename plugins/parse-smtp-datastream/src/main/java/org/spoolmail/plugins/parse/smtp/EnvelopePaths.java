package org.spoolmail.plugins.parse.smtp;

import java.util.Locale;
import java.util.Optional;

import org.spoolmail.exits.PermanentStageException;
import org.spoolmail.exits.mail.ForwardPath;
import org.spoolmail.exits.mail.InputLocation;
import org.spoolmail.exits.mail.Mailbox;
import org.spoolmail.exits.mail.ReversePath;

/**
 * Reads the paths of {@code MAIL FROM:} and {@code RCPT TO:} as batch jobs write them: any case, blanks after the
 * colon and inside the angle brackets, a source route (ignored, RFC 5321 section 4.1.1.3), ESMTP parameters after
 * the path (checked by {@link EsmtpParameters}, then ignored), an address without brackets if it holds no blank or
 * comma. A dotless domain such as a JES node name is qualified with the configured default domain.
 */
final class EnvelopePaths {

    private final Optional<String> defaultDomain;

    /** @param defaultDomain the domain appended to dotless domains, without a leading dot; empty for none */
    EnvelopePaths(Optional<String> defaultDomain) {
        this.defaultDomain = defaultDomain;
    }

    /**
     * Reads the argument of MAIL.
     *
     * @param argument the text after the verb, e.g. {@code FROM: <BATCH@NODE1> SIZE=1200}
     * @param at the record, for errors
     * @return the reverse-path; the null path for {@code <>}
     * @throws PermanentStageException if the argument is not {@code FROM:<path>} or the address is malformed
     */
    ReversePath reversePath(String argument, InputLocation at) throws PermanentStageException {
        String path = path(argument, "FROM", "MAIL FROM", at);
        if (path.isEmpty()) {
            return ReversePath.nullPath();
        }
        return ReversePath.of(mailbox(path, "MAIL FROM", at));
    }

    /**
     * Reads the argument of RCPT.
     *
     * @param argument the text after the verb, e.g. {@code TO:<claims.advisor@example.com   >}
     * @param at the record, for errors
     * @return the forward-path
     * @throws PermanentStageException if the argument is not {@code TO:<path>} or the address is malformed or empty
     */
    ForwardPath forwardPath(String argument, InputLocation at) throws PermanentStageException {
        String path = path(argument, "TO", "RCPT TO", at);
        if (path.isEmpty()) {
            throw new CommandSyntaxException(at, "malformed address '<>' in RCPT TO: a recipient cannot be empty");
        }
        return new ForwardPath(mailbox(path, "RCPT TO", at));
    }

    /**
     * Reads an address of the interlink shape.
     *
     * @param path the address without brackets, not empty
     * @param what {@code X-FROM} or {@code X-TO}, for errors
     * @param at the record, for errors
     * @return the mailbox, qualified like a MAIL FROM address
     * @throws PermanentStageException if the address is malformed or dotless without a default domain
     */
    Mailbox address(String path, String what, InputLocation at) throws PermanentStageException {
        return mailbox(path, what, at);
    }

    private static String path(String argument, String keyword, String command, InputLocation at)
            throws PermanentStageException {
        String rest = argument.toUpperCase(Locale.ROOT).startsWith(keyword)
                ? argument.substring(keyword.length()).stripLeading() : "";
        if (!rest.startsWith(":")) {
            throw new CommandSyntaxException(at, "malformed " + command + " command: expected '" + command
                    + ":<address>', got '" + argument + "'");
        }
        return envelopePath(rest.substring(1).strip(), command, at);
    }

    /**
     * Reads the path of MAIL or RCPT strictly: {@code <path>} followed by nothing or ESMTP parameters, or an
     * address without brackets holding no blank and no comma (IBM's servers take that shape).
     */
    private static String envelopePath(String rest, String command, InputLocation at) throws CommandSyntaxException {
        if (!rest.startsWith("<")) {
            if (rest.indexOf(' ') >= 0 || rest.indexOf(',') >= 0 || rest.indexOf('\t') >= 0) {
                throw new CommandSyntaxException(at, "malformed " + command + " command: '" + rest + "' is not one"
                        + " address (an address without angle brackets may hold no blank and no comma; write "
                        + command + ":<address>, one per command)");
            }
            return withoutRoute(rest);
        }
        int close = rest.indexOf('>');
        if (close < 0) {
            throw new CommandSyntaxException(at, "malformed address '" + rest + "' in " + command
                    + ": no closing '>'");
        }
        EsmtpParameters.check(rest.substring(close + 1), command, at);
        return withoutRoute(rest.substring(1, close).strip());
    }

    /**
     * Reads a path written without a verb, as the interlink shape's {@code X-FROM:} and {@code X-TO:} do: an
     * address, in angle brackets or not, possibly after a display name.
     *
     * @param value the text after the colon
     * @param what the line's keyword, for errors
     * @param at the record, for errors
     * @return the path text, without brackets; empty for {@code <>}
     * @throws PermanentStageException if an angle bracket is not closed
     */
    static String bare(String value, String what, InputLocation at) throws PermanentStageException {
        String rest = value.strip();
        int open = rest.indexOf('<');
        if (open > 0 && rest.substring(0, open).indexOf('@') < 0) {
            rest = rest.substring(open);
        }
        if (!rest.startsWith("<")) {
            int blank = rest.indexOf(' ');
            return withoutRoute(blank < 0 ? rest : rest.substring(0, blank));
        }
        int close = rest.indexOf('>');
        if (close < 0) {
            throw new CommandSyntaxException(at, "malformed address '" + rest + "' in " + what
                    + ": no closing '>'");
        }
        return withoutRoute(rest.substring(1, close).strip());
    }

    private static String withoutRoute(String path) {
        int colon = path.indexOf(':');
        return path.startsWith("@") && colon > 0 ? path.substring(colon + 1).strip() : path;
    }

    /**
     * The characters that sit at x'7C', where '@' is in CCSID 37, in the national EBCDIC code pages (273/1141 '§',
     * 277/1142 'Ø', 278/1143 'Ö', 297/1147 'à', 871/1149 'Ð'): a job typed one of them for '@'.
     */
    private static final String NATIONAL_AT_SIGNS = "\u00A7\u00D8\u00D6\u00E0\u00D0";

    private static String atSignHint(String path) {
        if (path.indexOf('@') >= 0) {
            return "";
        }
        for (char c : NATIONAL_AT_SIGNS.toCharArray()) {
            if (path.indexOf(c) >= 0) {
                return " (a job on a national keyboard types '" + c + "' for '@': set the parse stage's at-sign: \""
                        + c + "\"; see spoolmail codepages)";
            }
        }
        return "";
    }

    private Mailbox mailbox(String path, String command, InputLocation at) throws PermanentStageException {
        Mailbox mailbox;
        try {
            mailbox = Mailbox.parse(path);
        } catch (IllegalArgumentException e) {
            throw new CommandSyntaxException(at, "malformed address '<" + path + ">' in " + command + ": "
                    + e.getMessage() + atSignHint(path));
        }
        if (mailbox.isQualified()) {
            return mailbox;
        }
        if (defaultDomain.isEmpty()) {
            throw new PermanentStageException(at, command + " domain " + mailbox.domain()
                    + " has no dot and no default-domain is configured");
        }
        return mailbox.withDomain(mailbox.domain() + "." + defaultDomain.get());
    }
}
