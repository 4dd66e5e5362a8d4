package org.spoolmail.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One routine placed at two exit points with two configurations: each place gets its own instance, initialised with
 * its own configuration. With one shared instance the last configuration would win and one side would go unchecked.
 */
class RoutinePlacementIT {

    @TempDir
    Path dir;

    @Test
    void sendShouldRejectAtVerifySenderWhenOnlyThatPlacementDeniesTheSenderDomain() throws Exception {
        SpoolmailRun run = send("{deny-sender-domains: [bar.com]}", "{deny-recipient-domains: [example.invalid]}");

        assertEquals(8, run.code, run.toString());
        String record = audit();
        assertTrue(record.contains("\"stage\":\"verify-sender\",\"routine\":\"domain-policy\",\"decision\":\"REJECT\""),
                record);
        assertEquals(List.of(), SpoolmailRun.files(dir.resolve("outbox"), ".eml"));
    }

    @Test
    void sendShouldRejectAtVerifyRecipientsWhenOnlyThatPlacementDeniesTheRecipientDomain() throws Exception {
        SpoolmailRun run = send("{allow-sender-domains: [bar.com]}", "{deny-recipient-domains: [bar.com]}");

        assertEquals(8, run.code, run.toString());
        String record = audit();
        assertTrue(record.contains("\"stage\":\"verify-sender\",\"routine\":\"domain-policy\",\"decision\":\"CONTINUE\""),
                record);
        assertTrue(record.contains("\"stage\":\"verify-recipients\",\"routine\":\"domain-policy\","
                + "\"decision\":\"REJECT\""), record);
        assertEquals(List.of(), SpoolmailRun.files(dir.resolve("outbox"), ".eml"));
    }

    private SpoolmailRun send(String senderConfig, String recipientConfig) throws Exception {
        String yaml = """
                version: 1
                pipeline:
                  - stage: parse
                    use: smtp-datastream
                  - exit: verify-sender
                    routines: [domain-policy]
                    config: {domain-policy: %s}
                  - exit: verify-recipients
                    routines: [domain-policy]
                    config: {domain-policy: %s}
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
                """.formatted(senderConfig, recipientConfig);
        Path pipeline = dir.resolve("pipeline.yaml");
        Files.writeString(pipeline, yaml, StandardCharsets.UTF_8);
        return SpoolmailRun.send(pipeline, SpoolmailRun.corpus(dir, "seed-example.smtp").toString());
    }

    private String audit() throws Exception {
        List<String> lines = Files.readAllLines(SpoolmailRun.files(dir.resolve("audit"), ".jsonl").get(0),
                StandardCharsets.UTF_8);
        assertEquals(1, lines.size());
        return lines.get(0);
    }
}
