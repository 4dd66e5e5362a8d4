package org.spoolmail.plugins.parse.smtp;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.spoolmail.exits.mail.InputLocation;

/**
 * Checks the text after the path of MAIL FROM and RCPT TO: ESMTP parameters {@code keyword[=value]} separated by
 * blanks (RFC 5321 section 4.1.2: esmtp-keyword = (ALPHA / DIGIT) *(ALPHA / DIGIT / "-"), esmtp-value =
 * 1*(%d33-60 / %d62-126)). The values of the parameters a job writes are checked too: SIZE (RFC 1870), BODY
 * (RFC 6152, RFC 3030), NOTIFY, RET, ENVID and ORCPT (RFC 3461, xtext). Anything else, such as a second address,
 * is a syntax error. The parameters are checked, not used: the delivery stage offers its own.
 */
final class EsmtpParameters {

    private static final Pattern PARAMETER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*(=[\\x21-\\x3C\\x3E-\\x7E]+)?");
    /** RFC 3461 section 4: xtext = *( xchar / hexchar ), '+' only as the start of two upper-case hex digits. */
    private static final Pattern XTEXT = Pattern.compile("([\\x21-\\x2A\\x2C-\\x3C\\x3E-\\x7E]|\\+[0-9A-F]{2})+");
    private static final List<String> NOTIFY = List.of("SUCCESS", "FAILURE", "DELAY");

    private EsmtpParameters() {
    }

    /**
     * Checks the parameters.
     *
     * @param text the text after the closing '>', as written
     * @param command {@code MAIL FROM} or {@code RCPT TO}, for errors
     * @param at the record, for errors
     * @throws CommandSyntaxException if the text is not blank-separated parameters or a known value is malformed
     */
    static void check(String text, String command, InputLocation at) throws CommandSyntaxException {
        if (text.isEmpty()) {
            return;
        }
        if (text.charAt(0) != ' ') {
            throw new CommandSyntaxException(at, "malformed " + command + " command: '" + text
                    + "' follows the closing '>' without a blank (only ESMTP parameters keyword[=value] may follow"
                    + " the address, RFC 5321 section 4.1.2)");
        }
        for (String parameter : text.strip().split(" +")) {
            if (!PARAMETER.matcher(parameter).matches()) {
                throw new CommandSyntaxException(at, "malformed " + command + " command: '" + parameter
                        + "' after the address is not an ESMTP parameter keyword[=value] (RFC 5321 section 4.1.2)");
            }
            checkValue(parameter, command, at);
        }
    }

    private static void checkValue(String parameter, String command, InputLocation at) throws CommandSyntaxException {
        int eq = parameter.indexOf('=');
        String keyword = (eq < 0 ? parameter : parameter.substring(0, eq)).toUpperCase(Locale.ROOT);
        String value = eq < 0 ? "" : parameter.substring(eq + 1);
        String expected = switch (keyword) {
            case "SIZE" -> value.matches("[0-9]{1,20}") ? null : "decimal digits (RFC 1870)";
            case "BODY" -> value.toUpperCase(Locale.ROOT).matches("7BIT|8BITMIME|BINARYMIME") ? null
                    : "7BIT, 8BITMIME or BINARYMIME (RFC 6152, RFC 3030)";
            case "RET" -> value.toUpperCase(Locale.ROOT).matches("FULL|HDRS") ? null : "FULL or HDRS (RFC 3461)";
            case "NOTIFY" -> isNotify(value.toUpperCase(Locale.ROOT)) ? null
                    : "NEVER or a comma-separated list of SUCCESS, FAILURE and DELAY (RFC 3461)";
            case "ENVID" -> XTEXT.matcher(value).matches() ? null : "xtext (RFC 3461 section 4)";
            case "ORCPT" -> isOrcpt(value) ? null : "addr-type;xtext such as rfc822;a@example.com (RFC 3461)";
            default -> null;
        };
        if (expected != null) {
            throw new CommandSyntaxException(at, "malformed " + command + " command: ESMTP parameter " + keyword
                    + (value.isEmpty() ? " has no value" : " value '" + value + "' is malformed") + ": expected "
                    + expected);
        }
    }

    private static boolean isNotify(String value) {
        if (value.equals("NEVER")) {
            return true;
        }
        String[] items = value.split(",", -1);
        for (String item : items) {
            if (!NOTIFY.contains(item)) {
                return false;
            }
        }
        return !value.isEmpty();
    }

    private static boolean isOrcpt(String value) {
        int semicolon = value.indexOf(';');
        return semicolon > 0 && value.substring(0, semicolon).matches("[A-Za-z0-9][A-Za-z0-9-]*")
                && XTEXT.matcher(value.substring(semicolon + 1)).matches();
    }
}
