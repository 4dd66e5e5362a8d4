package org.spoolmail.kernel.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.exits.mail.MailInput;
import org.spoolmail.exits.mail.RecordFormat;

/**
 * Says which option is likely missing when no parser recognises an input: an EBCDIC data set read as UTF-8 lines
 * (no {@code --codepage}, no {@code --records}) looks like noise, and the same input read as CCSID 1047 in fixed
 * 80-octet records is a datastream. The input's first records are read again in the usual shapes (fixed 80,
 * variable with RDWs, EBCDIC NL and LF, LF, CRLF), in its own CCSID and in the other family's (1047 for
 * ASCII-family input, whose letters, digits and '@' are those of every EBCDIC CCSID but a few; 1208 for EBCDIC
 * input); the first reading some parser recognises names the options that differ from this run's.
 */
final class FormatHint {

    private static final List<RecordFormat> SHAPES = List.of(RecordFormat.fixed(80), RecordFormat.VARIABLE,
            RecordFormat.NL, RecordFormat.EBCDIC_LF, RecordFormat.LF, RecordFormat.CRLF);

    private FormatHint() {
    }

    /**
     * Finds a reading of the input that a parser recognises.
     *
     * @param input the input as this run reads it
     * @param parsers the parse stage's parsers
     * @return e.g. {@code it reads as smtp-datastream with --codepage 1047 --records fb:80 (for EBCDIC give the
     *     CCSID it was written in, e.g. 37, 273 or 1047): is that missing?}; empty if no reading is recognised
     */
    static Optional<String> find(MailInput input, List<ParserChoice> parsers) {
        Ccsid other = input.ccsid().isEbcdic() ? Ccsid.UTF_8 : Ccsid.of(1047);
        for (Ccsid ccsid : List.of(input.ccsid(), other)) {
            for (RecordFormat shape : SHAPES) {
                if (ccsid.equals(input.ccsid()) && shape.equals(input.recordFormat())) {
                    continue;
                }
                MailInput reading = new MailInput(input.origin(), input.data(), ccsid, shape, input.identity(),
                        input.files());
                List<String> sample = FormatDetector.sample(reading);
                for (ParserChoice p : parsers) {
                    if (p.parser().recognises(sample)) {
                        return Optional.of(say(input, reading, p.name()));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static String say(MailInput input, MailInput reading, String parser) {
        List<String> options = new ArrayList<>();
        if (!reading.ccsid().equals(input.ccsid())) {
            options.add("--codepage " + reading.ccsid().number());
        }
        if (!reading.recordFormat().equals(input.recordFormat())) {
            options.add("--records " + reading.recordFormat());
        }
        String ebcdic = reading.ccsid().isEbcdic() && !input.ccsid().isEbcdic()
                ? " (for EBCDIC give the CCSID it was written in, e.g. 37, 273 or 1047)" : "";
        return "it reads as " + parser + " with " + String.join(" ", options) + ebcdic + ": "
                + (options.size() == 1 ? "is that option" : "are those options") + " missing?";
    }
}
