package org.spoolmail.kernel.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spoolmail.exits.mail.RecordFormat;

class PipelineConfigLoaderTest {

    @TempDir
    Path dir;

    /** The reference pipeline's roles, one entry each. */
    private static final String REFERENCE_SHAPE = "version: 1\npipeline:\n  - stage: parse\n    use: smtp-datastream\n"
            + "  - exit: verify-sender\n    routines: []\n"
            + "  - stage: mime-encode\n    use: mime-encode\n"
            + "  - stage: codepage-translate\n    use: codepage-translate\n"
            + "  - stage: deliver\n    use: deliver-outbox\n"
            + "  - stage: log\n    use: audit-log\n";

    private final PipelineConfigLoader loader = new PipelineConfigLoader();

    @Test
    void loadShouldReadEntriesInFileOrderWhenGivenTheReferencePipeline() throws Exception {
        PipelineConfig config = loader.load(Path.of("..", "pipeline.yaml"));

        assertEquals(List.of("parse", "verify-sender", "mime-encode", "codepage-translate", "deliver", "log"),
                config.entries().stream().map(StageEntry::role).toList());
        assertEquals(List.of("smtp-datastream", "verify-sender", "mime-encode", "codepage-translate",
                "deliver-outbox", "audit-log"), config.entries().stream().map(StageEntry::use).toList());
        assertEquals(1208, config.inputCcsid().number());
        assertEquals(RecordFormat.LF, config.inputRecords());
        assertEquals(Map.of("directory", "outbox"), config.entries().get(4).config());
        assertEquals(Duration.ofSeconds(5), config.entries().get(1).timeLimit());
        assertTrue(config.entries().get(1).exitPoint());
    }

    @Test
    void loadShouldKeepLeadingZeroCcsidDecimalWhenYaml11WouldReadOctal() throws Exception {
        PipelineConfig config = loader.load(write("version: 1\ninput: {ccsid: 01141, records: fb:80}\n"
                + "pipeline:\n  - stage: parse\n    use: smtp-datastream\n"));

        assertEquals(1141, config.inputCcsid().number());
        assertEquals(RecordFormat.fixed(80), config.inputRecords());
    }

    @Test
    void loadShouldKeepNoAsTextWhenYaml11WouldReadFalse() throws Exception {
        PipelineConfig config = loader.load(write("version: 1\npipeline:\n  - stage: parse\n"
                + "    use: smtp-datastream\n    config: {country: NO, flag: off}\n"));

        assertEquals(Map.of("country", "NO", "flag", "off"), config.parse().config());
    }

    @Test
    void loadShouldRefuseDuplicateKeysWithTheirLineWhenAKeyRepeats() throws Exception {
        Path file = write("version: 1\npipeline:\n  - stage: parse\n    use: a\n    use: b\n");

        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(file));

        assertEquals(List.of(file + " line 5, column 5: pipeline[0].use: duplicate key 'use' (first at line 4, column 5):"
                + " write each key once"), e.problems());
    }

    @Test
    void loadShouldRefuseAZeroTimeLimitWhichWouldHoldEveryMail() throws Exception {
        Path file = write("version: 1\npipeline:\n  - stage: parse\n    use: smtp-datastream\n"
                + "  - exit: verify-sender\n    routines: [a]\n    time-limit: 0s\n  - stage: deliver\n"
                + "    use: deliver-outbox\n");

        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(file));

        assertEquals(List.of(file + ": pipeline[1].time-limit: must be more than 0: a routine given no time holds"
                + " every mail"), e.problems());
    }

    @Test
    void loadShouldRefuseGlobalTagsWhenTheyWouldInstantiateClasses() throws Exception {
        Path file = write("version: 1\npipeline: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader "
                + "[[!!java.net.URL [\"http://127.0.0.1/\"]]]]\n");

        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(file));

        assertTrue(e.getMessage().contains("javax.script.ScriptEngineManager"), e.getMessage());
    }

    @Test
    void loadShouldListEveryProblemWithItsYamlPathWhenTheShapeIsWrong() throws Exception {
        Path file = write("version: 2\ncolour: blue\npipeline:\n  - stage: deliver\n    use: deliver-outbox\n"
                + "    time-limit: 30\n  - stage: parse\n    use: smtp-datastream\n    on-error: ignore\n"
                + "  - exit: verify-sender\n    routines: [a]\n    time-limit: 30\n    config: {b: {}}\n");

        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(file));

        assertEquals(List.of(
                file + ": colour: unknown key (known: hold-directory, input, pipeline, plugins-directory,"
                        + " site-plugins-directory, spool, version)",
                file + ": version: must be 1, got '2'",
                file + ": pipeline[0]: 'routines' and 'time-limit' belong to exit points ('exit:'), not stages",
                file + ": pipeline[0].time-limit: '30' is not a duration with a unit (500ms, 30s, 5m, 2h)"
                        + " (expected a duration such as 30s)",
                file + ": pipeline[1].on-error: 'ignore' is not one of fail, defer, continue",
                file + ": pipeline[2].config.b: configures a routine that is not in 'routines'",
                file + ": pipeline[2].time-limit: '30' is not a duration with a unit (500ms, 30s, 5m, 2h)"
                        + " (expected a duration such as 30s)",
                file + ": pipeline[0]: the first stage must be 'stage: parse'",
                file + ": pipeline[1]: only the first stage may be 'parse'"), e.problems());
    }

    @Test
    void loadShouldGiveAnExitPointsScalarSettingsToItsDrivingStageWhenTheyNameNoRoutine() throws Exception {
        Path file = write("version: 1\npipeline:\n  - stage: parse\n    use: smtp-datastream\n"
                + "  - exit: verify-sender\n    routines: [directory-sender]\n    config:\n"
                + "      from-alignment: reject\n      directory-sender: {mode: verify}\n");

        StageEntry exit = loader.load(file).entries().get(1);

        assertEquals(Map.of("from-alignment", "reject"), exit.config());
        assertEquals(Map.of("mode", "verify"), exit.routines().get(0).config());
    }

    @Test
    void loadShouldSayThereIsNoPipelineFileAndHowToNameOneWhenAnAbsolutePathIsMissing() {
        Path file = dir.resolve("absent.yaml");

        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(file));

        assertEquals(List.of("no pipeline file " + file + ": name one with -c FILE or $SPOOLMAIL_CONFIG"),
                e.problems());
    }

    @Test
    void loadShouldNameTheWorkingFolderWhenARelativePipelineFileIsMissing() {
        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(Path.of("absent-pipeline.yaml")));

        assertEquals(List.of("no pipeline file absent-pipeline.yaml in " + Path.of("").toAbsolutePath()
                + ": name one with -c FILE or $SPOOLMAIL_CONFIG"), e.problems());
    }

    @Test
    void loadShouldSayIsAFolderWhenThePipelineFileIsAFolder() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("conf"));

        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(folder));

        assertEquals(List.of("cannot read pipeline file " + folder + ": is a folder"), e.problems());
    }

    @Test
    void readShouldReturnTheConfigWithItsProblemsWhenTheParseEntryComesFirst() throws Exception {
        Path file = write("version: 1\npipeline:\n  - stage: parse\n    use: smtp-datastream\n"
                + "  - exit: verify-sender\n    time-limit: 5\n  - stage: deliver\n    use: deliver-outbox\n");

        PipelineConfig config = loader.read(file);

        assertEquals(List.of(file + ": pipeline[1].time-limit: '5' is not a duration with a unit (500ms, 30s, 5m, 2h)"
                + " (expected a duration such as 30s)"), config.problems());
        assertEquals(List.of("smtp-datastream", "verify-sender", "deliver-outbox"),
                config.entries().stream().map(StageEntry::use).toList());
    }

    @Test
    void readShouldThrowWhenNoParseEntryComesFirst() throws Exception {
        Path file = write("version: 1\npipeline:\n  - stage: deliver\n    use: deliver-outbox\n");

        ConfigException e = assertThrows(ConfigException.class, () -> loader.read(file));

        assertEquals(List.of(file + ": pipeline[0]: the first stage must be 'stage: parse'"), e.problems());
    }

    @Test
    void readShouldNameThePipelinePathWhenSendingAndThereIsNoDeliverStage() throws Exception {
        Path file = write("version: 1\npipeline:\n  - stage: parse\n    use: smtp-datastream\n"
                + "  - stage: mime-encode\n    use: mime-encode\n"
                + "  - stage: codepage-translate\n    use: codepage-translate\n"
                + "  - stage: log\n    use: audit-log\n");

        PipelineConfig forSend = new PipelineConfigLoader(true).read(file);
        PipelineConfig forCheck = new PipelineConfigLoader(false).read(file);

        assertEquals(List.of(file + ": pipeline: has no 'stage: deliver' entry, so mail would go nowhere: add one"
                + " (deliver-outbox writes .eml files, deliver-smtp relays); only spoolmail check runs without"),
                forSend.problems());
        assertEquals(List.of(), forCheck.problems());
    }

    @Test
    void readShouldNameTheMissingCodepageTranslateRoleWhenSendingOrChecking() throws Exception {
        Path file = write(REFERENCE_SHAPE.replace("  - stage: codepage-translate\n    use: codepage-translate\n", ""));
        String problem = file + ": pipeline: has no 'stage: codepage-translate' entry, so every message would be"
                + " held, its text still in the input's CCSID: add one after mime-encode (use: codepage-translate)";

        assertEquals(List.of(problem), new PipelineConfigLoader(PipelinePurpose.SEND).read(file).problems());
        assertEquals(List.of(problem), new PipelineConfigLoader(PipelinePurpose.CHECK).read(file).problems());
    }

    @Test
    void readShouldNameTheMissingLogRoleWhenSendingButNotWhenChecking() throws Exception {
        Path file = write(REFERENCE_SHAPE.replace("  - stage: log\n    use: audit-log\n", ""));

        assertEquals(List.of(file + ": pipeline: has no 'stage: log' entry, so no audit record would say who sent"
                + " what to whom: add one at the end (use: audit-log); spoolmail check and an embedding application"
                + " may run without"),
                new PipelineConfigLoader(PipelinePurpose.SEND).read(file).problems());
        assertEquals(List.of(), new PipelineConfigLoader(PipelinePurpose.CHECK).read(file).problems());
    }

    @Test
    void readShouldLetAnEmbeddingApplicationRunWithoutLogButNotWithoutCodepageTranslate() throws Exception {
        Path noLog = write(REFERENCE_SHAPE.replace("  - stage: log\n    use: audit-log\n", ""));
        PipelineConfig withoutLog = new PipelineConfigLoader(PipelinePurpose.EMBED).read(noLog);
        Path noTranslate = write(REFERENCE_SHAPE.replace(
                "  - stage: codepage-translate\n    use: codepage-translate\n", ""));

        assertEquals(List.of(), withoutLog.problems());
        assertEquals(List.of(noTranslate + ": pipeline: has no 'stage: codepage-translate' entry, so every message"
                + " would be held, its text still in the input's CCSID: add one after mime-encode"
                + " (use: codepage-translate)"), new PipelineConfigLoader(PipelinePurpose.EMBED).read(noTranslate)
                .problems());
    }

    @Test
    void readShouldNameTheMissingMimeEncodeRoleBecauseABccWouldReachEveryRecipient() throws Exception {
        Path file = write(REFERENCE_SHAPE.replace("  - stage: mime-encode\n    use: mime-encode\n", ""));

        assertEquals(List.of(file + ": pipeline: has no 'stage: mime-encode' entry, so mail would go without"
                + " Message-ID, Date and MIME structure, and a Bcc written in the data would reach every recipient:"
                + " add one after the exit points (use: mime-encode)"),
                new PipelineConfigLoader(PipelinePurpose.SEND).read(file).problems());
    }

    @Test
    void readShouldAcceptASitePluginInARequiredRoleAndRequireNothingWhenOnlyInspecting() throws Exception {
        Path site = write(REFERENCE_SHAPE.replace("use: codepage-translate", "use: site-translate"));
        Path bare = dir.resolve("bare.yaml");
        Files.writeString(bare, "version: 1\npipeline:\n  - stage: parse\n    use: smtp-datastream\n",
                StandardCharsets.UTF_8);

        assertEquals(List.of(), new PipelineConfigLoader(PipelinePurpose.SEND).read(site).problems());
        assertEquals(List.of(), new PipelineConfigLoader(PipelinePurpose.INSPECT).read(bare).problems());
    }

    @Test
    void readShouldRefuseCodepageTranslateBeforeMimeEncodeNamingBothEntries() throws Exception {
        Path file = write(REFERENCE_SHAPE.replace("  - stage: mime-encode\n    use: mime-encode\n"
                + "  - stage: codepage-translate\n    use: codepage-translate\n",
                "  - stage: codepage-translate\n    use: codepage-translate\n"
                + "  - stage: mime-encode\n    use: mime-encode\n"));

        assertEquals(List.of(file + ": pipeline[2]: 'stage: codepage-translate' must come after 'stage: mime-encode'"
                + " (pipeline[3]): binary parts are marked base64 first, so that translation cannot touch their"
                + " bytes"), new PipelineConfigLoader(PipelinePurpose.CHECK).read(file).problems());
    }

    @Test
    void loadShouldRefuseHoldDirectoryNamingTheSpoolQueueWhenAnOldPipelineFileHasIt() throws Exception {
        Path named = dir.resolve("named.yaml");
        Files.writeString(named, "version: 1\nhold-directory: held\npipeline:\n  - stage: parse\n"
                + "    use: smtp-datastream\n", StandardCharsets.UTF_8);

        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(named));

        assertEquals(List.of(named + ": hold-directory: is no longer used: send keeps held and deferred mail in the"
                + " spool queue (spool.directory, default spool/ beside pipeline.yaml; see 'spoolmail queue'): remove"
                + " the key"), e.problems().stream().filter(p -> p.contains("hold-directory")).toList());
    }

    @Test
    void loadShouldReadSpoolBlockWithPathsBesideThePipelineFile() throws Exception {
        Path file = write("version: 1\nspool: {directory: q, workers: \"8\", retry-initial: 30s, retry-max: 10m,"
                + " max-age: 48h, bad-spool-disposition: delete, mail-administrators: [postmaster@example.com]}\n"
                + "pipeline:\n  - stage: parse\n    use: smtp-datastream\n");

        SpoolConfig spool = loader.load(file).spool();

        Path base = file.toAbsolutePath().normalize().getParent();
        assertEquals(new SpoolConfig(base.resolve("q"), 8, java.time.Duration.ofSeconds(30),
                java.time.Duration.ofMinutes(10), java.time.Duration.ofHours(48), true,
                List.of("postmaster@example.com"), base.resolve("q/dead-letter"), java.time.Duration.ofSeconds(2)),
                spool);
    }

    @Test
    void loadShouldReadMaxDropSizeWithItsUnitAndDefaultTo64MiBWhenTheSpoolBlockLacksIt() throws Exception {
        Path given = write("version: 1\nspool: {max-drop-size: 10MiB}\npipeline:\n  - stage: parse\n"
                + "    use: smtp-datastream\n");
        assertEquals(10L * 1024 * 1024, loader.load(given).spool().maxDropOctets());

        Path none = write("version: 1\nspool: {workers: \"2\"}\npipeline:\n  - stage: parse\n"
                + "    use: smtp-datastream\n");
        assertEquals(67108864L, loader.load(none).spool().maxDropOctets());

        Path bare = write("version: 1\nspool: {max-drop-size: 1000}\npipeline:\n  - stage: parse\n"
                + "    use: smtp-datastream\n");
        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(bare));
        assertEquals(1, e.problems().size(), e.problems().toString());
        assertTrue(e.problems().get(0).startsWith(bare + ": spool.max-drop-size: '1000' "), e.problems().get(0));
    }

    @Test
    void loadShouldRefuseBareNumbersAndUnknownKeysWhenInTheSpoolBlock() throws Exception {
        Path file = write("version: 1\nspool: {retry-initial: 30, colour: red, type: broker,"
                + " bad-spool-disposition: drop}\npipeline:\n  - stage: parse\n    use: smtp-datastream\n");

        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(file));

        assertEquals(List.of(file + ": spool.colour: unknown key (known: bad-spool-disposition, connection-factory,"
                + " credentials-file, dead-letter, directory, jndi-factory, mail-administrators, max-age,"
                + " max-drop-size, max-item-size, poll-interval, queue, retry-initial, retry-max, type, url, workers)",
                file + ": spool.type: 'broker' is not allowed (expected one of directory, jms)",
                file + ": spool.retry-initial: '30' is not a duration with a unit (500ms, 30s, 5m, 2h) (expected a"
                        + " duration such as 30s)",
                file + ": spool.bad-spool-disposition: 'drop' is not allowed (expected one of hold,"
                        + " delete)"), e.problems());
    }

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("pipeline.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }
}
