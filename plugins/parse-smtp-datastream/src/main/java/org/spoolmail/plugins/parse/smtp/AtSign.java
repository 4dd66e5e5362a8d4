package org.spoolmail.plugins.parse.smtp;

import java.util.List;

import org.spoolmail.exits.mail.AddressList;
import org.spoolmail.exits.mail.HeaderField;
import org.spoolmail.exits.mail.HeaderSection;

/**
 * The site's at-sign setting, like CSSMTP's AtSign: jobs at sites with a national code page type the character
 * that sits at x'7C' ('§' in CCSID 273/1141, 'Ø' in 277/1142, 'Ö' in 278/1143, 'à' in 297/1147, 'Ð' in 871/1149)
 * where an address needs '@'. It is read as '@' in command records and in the addr-specs of the address header
 * fields only; in display names, comments and quoted strings there, in the Subject, other fields and the body it
 * stays what the code page says.
 */
final class AtSign {

    /** No national at-sign: nothing is replaced. */
    static final AtSign NONE = new AtSign('@');

    /** The header fields that hold addresses (RFC 5322 section 3.6.2, 3.6.3). */
    static final List<String> ADDRESS_FIELDS = List.of("From", "Sender", "Reply-To", "To", "Cc", "Bcc");

    private final char national;

    private AtSign(char national) {
        this.national = national;
    }

    /**
     * Reads the configured value.
     *
     * @param configured exactly one character, neither '@', a blank nor a control character
     * @return the setting
     * @throws IllegalArgumentException if the value is not one such character
     */
    static AtSign of(String configured) {
        if (configured.length() != 1 || configured.charAt(0) == '@' || configured.charAt(0) <= ' '
                || HeaderField.firstControl(configured) >= 0) {
            throw new IllegalArgumentException("at-sign '" + configured + "' must be one character other than '@',"
                    + " e.g. \"\u00a7\" for CCSID 273");
        }
        return new AtSign(configured.charAt(0));
    }

    /** @return the command record with the national character read as '@' */
    String command(String line) {
        return national == '@' ? line : line.replace(national, '@');
    }

    /**
     * @return the section with the national character read as '@' in the addr-specs of the address fields only:
     *     display names, comments and quoted strings keep it ({@code From: Østfold Drift <driftØx.no>}
     *     keeps its name in CCSID 277)
     */
    HeaderSection headers(HeaderSection section) {
        if (national == '@') {
            return section;
        }
        return new HeaderSection(section.fields().stream().map(this::field).toList());
    }

    private HeaderField field(HeaderField f) {
        return ADDRESS_FIELDS.stream().anyMatch(f::hasName)
                ? new HeaderField(f.name(), AddressList.replaceInAddrSpecs(f.body(), national, '@')) : f;
    }
}
