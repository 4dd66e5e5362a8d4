package org.spoolmail.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 3, "Must show" 2: all five corpus datastreams give the outcomes of ../shared/corpus/README.md also when a
 * job writes them in CCSID 37, 1047, 273 or 297, typing its national at-sign (the character at x'7C': '@', '@',
 * '§', 'à') in command records and address header fields, with the datastream parser's {@code at-sign} set to it.
 * The files are converted here with the JDK charsets ({@link NationalCorpus}) and sent as fixed-length records.
 */
class NationalCorpusIT {

    private static final int[] CCSIDS = {37, 1047, 273, 297};

    @TempDir
    Path dir;

    static Stream<Arguments> corpusInEachCcsid() {
        List<Arguments> cases = new ArrayList<>();
        for (String file : List.of("seed-example.smtp", "lowercase-no-terminator.smtp", "payroll-fb80-ibm1047.bin",
                "claims-rset-multi.smtp", "inventory-no-separator.smtp")) {
            for (int ccsid : CCSIDS) {
                cases.add(Arguments.of(file, ccsid, file.startsWith("claims") ? 102 : 80));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} in CCSID {1}, fb:{2}")
    @MethodSource("corpusInEachCcsid")
    void sendShouldGiveTheCorpusOutcomeWhenTheFileIsInANationalCcsidWithItsAtSign(String file, int ccsid,
            int lrecl) throws Exception {
        String national = NationalCorpus.nationalAtSign(ccsid);
        List<String> typed = NationalCorpus.typed(NationalCorpus.records(file), national);
        Path input = dir.resolve(file + "." + ccsid);
        Files.write(input, NationalCorpus.encode(typed, ccsid, NationalCorpus.Layout.FIXED, lrecl));

        SpoolmailRun run = SpoolmailRun.send(pipeline(national), "--codepage", Integer.toString(ccsid), "--records",
                "fb:" + lrecl, input.toString());

        assertEquals(CorpusOutcomes.conditionCode(file), run.code, run.toString());
        new CorpusOutcomes(dir.resolve("outbox")).assertFor(file);
    }

    @ParameterizedTest(name = "CCSID {0}")
    @ValueSource(ints = {37, 1047, 273, 297})
    void sendShouldKeepSectionSignAndAGraveInSubjectAndBodyWhenTheyAreTheNationalAtSign(int ccsid) throws Exception {
        String national = NationalCorpus.nationalAtSign(ccsid);
        List<String> records = new ArrayList<>(NationalCorpus.records("seed-example.smtp"));
        records.set(records.indexOf("Subject: DAILY REPORT OF DISK UTILIZATION"),
                "Subject: DAILY REPORT OF DISK UTILIZATION \u00a7 5 voil\u00e0");
        records.add(records.indexOf("Please fix the bulb in the searchlight") + 1,
                "gem\u00e4\u00df \u00a7 5, voil\u00e0: foo@bar.com");
        Path input = dir.resolve("seed." + ccsid);
        Files.write(input, NationalCorpus.encode(NationalCorpus.typed(records, national), ccsid,
                NationalCorpus.Layout.NL, 0));

        SpoolmailRun run = SpoolmailRun.send(pipeline(national), "--codepage", Integer.toString(ccsid), "--records",
                "nl", input.toString());

        assertEquals(0, run.code, run.toString());
        CorpusOutcomes outbox = new CorpusOutcomes(dir.resolve("outbox"));
        assertEquals(List.of("MAIL FROM:<foo@bar.com>\nRCPT TO:<wayne@bar.com>\n"), outbox.envelopes());
        ParsedMail m = ParsedMail.of(outbox.eml(0));
        assertEquals("DAILY REPORT OF DISK UTILIZATION \u00a7 5 voil\u00e0", m.subject());
        assertEquals(List.of("\"Commissioner Gordon\" <foo@bar.com>"), m.from());
        CorpusOutcomes.assertText(m, "Please fix the bulb in the searchlight",
                "gem\u00e4\u00df \u00a7 5, voil\u00e0: foo@bar.com");
    }

    /** The reference pipeline's shape, the datastream parser's at-sign set unless it is '@'. */
    private Path pipeline(String national) throws Exception {
        String atSign = national.equals("@") ? "" : ", at-sign: \"" + national + "\"";
        String yaml = """
                version: 1
                input: {ccsid: "819", records: lf}
                pipeline:
                  - stage: parse
                    use: smtp-datastream
                    config: {default-domain: example.com%s}
                  - stage: mime-encode
                    use: mime-encode
                  - stage: codepage-translate
                    use: codepage-translate
                  - stage: deliver
                    use: deliver-outbox
                    config: {directory: outbox}
                  - stage: log
                    use: audit-log
                    config: {directory: audit}
                """.formatted(atSign);
        Path file = dir.resolve("pipeline.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }
}
