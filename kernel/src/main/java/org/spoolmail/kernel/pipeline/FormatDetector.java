package org.spoolmail.kernel.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.spoolmail.exits.mail.MailInput;
import org.spoolmail.exits.mail.RecordReader;

/**
 * Picks the parser of an input: the one {@code --format} names, the only one configured, or the first whose
 * {@code recognises} accepts the input's first records (decoded with the input's CCSID, blanks trimmed). When none
 * does, the error says which --codepage or --records would make one recognise it ({@link FormatHint}).
 */
final class FormatDetector {

    /** How many records the parsers see to recognise a format. */
    static final int SAMPLE_RECORDS = 20;

    private final List<ParserChoice> parsers;

    FormatDetector(List<ParserChoice> parsers) {
        this.parsers = List.copyOf(parsers);
    }

    /**
     * Picks the parser.
     *
     * @param input the input
     * @param format the parser named by {@code --format}, if any
     * @return the parser
     * @throws FormatException if the named parser is not configured (condition code 16) or none recognises the
     *     input (condition code 12)
     */
    ParserChoice choose(MailInput input, Optional<String> format) throws FormatException {
        if (format.isPresent()) {
            return parsers.stream().filter(p -> p.name().equals(format.get())).findFirst()
                    .orElseThrow(() -> new FormatException(ConditionCodes.ENVIRONMENT, "--format " + format.get()
                            + ": not a parser of the pipeline's parse stage (configured: " + names() + ")"));
        }
        if (parsers.size() == 1) {
            return parsers.get(0);
        }
        List<String> sample = sample(input);
        for (ParserChoice p : parsers) {
            if (p.parser().recognises(sample)) {
                return p;
            }
        }
        String hint = FormatHint.find(input, parsers).map(h -> "; " + h + " Else name").orElse("; name");
        String broken = sample.isEmpty() ? structureFault(input).map(f -> "; the records cannot be read as "
                + input.recordFormat() + ": " + f).orElse("") : "";
        throw new FormatException(ConditionCodes.BAD_INPUT, input.origin() + ": the input is in none of the formats "
                + names() + " (first record: '" + printable(sample.stream().filter(r -> !r.isEmpty()).findFirst()
                        .orElse("")) + "'" + broken + ")" + hint + " one with --format");
    }

    /**
     * Why not even the first record could be read (a VB input whose first RDW gives a length the file does not
     * have, say), so the error names the record structure instead of showing an empty first record.
     */
    private static Optional<String> structureFault(MailInput input) {
        try (InputStream in = input.data().open()) {
            input.recordFormat().reader(in).next();
            return Optional.empty();
        } catch (IOException e) {
            return Optional.ofNullable(e.getMessage());
        }
    }

    /** The sample as a terminal may show it: control characters as \\uXXXX, at most 80 characters of it. */
    static String printable(String text) {
        StringBuilder b = new StringBuilder();
        int shown = Math.min(text.length(), 80);
        for (int i = 0; i < shown; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029') {
                b.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
            } else {
                b.append(c);
            }
        }
        return shown < text.length() ? b + "..." : b.toString();
    }

    private String names() {
        return parsers.stream().map(ParserChoice::name).collect(Collectors.joining(", "));
    }

    /** The first records decoded and trimmed; a malformed record structure ends the sample (the parser says why). */
    static List<String> sample(MailInput input) {
        List<String> records = new ArrayList<>();
        try (InputStream in = input.data().open()) {
            RecordReader reader = input.recordFormat().reader(in);
            byte[] record;
            while (records.size() < SAMPLE_RECORDS && (record = reader.next()) != null) {
                records.add(new String(record, input.ccsid().charset()).strip());
            }
        } catch (IOException e) {
            // the sample ends here; the chosen parser reports the input's fault with its record
        }
        return records;
    }

    /** No parser could be chosen. */
    static final class FormatException extends Exception {

        private static final long serialVersionUID = 1L;

        private final int conditionCode;

        FormatException(int conditionCode, String message) {
            super(message);
            this.conditionCode = conditionCode;
        }

        int conditionCode() {
            return conditionCode;
        }
    }
}
