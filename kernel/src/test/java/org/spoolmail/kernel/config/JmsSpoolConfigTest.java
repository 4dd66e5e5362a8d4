package org.spoolmail.kernel.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker keys of the spool block: read with type jms, required there, refused without it. */
class JmsSpoolConfigTest {

    @TempDir
    Path dir;

    private final PipelineConfigLoader loader = new PipelineConfigLoader();

    @Test
    void loadShouldReadBrokerWithCredentialsBesideThePipelineFileWhenTypeIsJms() throws Exception {
        Path file = write("spool: {type: jms, url: \"tcp://127.0.0.1:61616\", queue: spoolmail,"
                + " credentials-file: etc/broker.cred, workers: \"2\"}");

        SpoolConfig spool = loader.load(file).spool();

        Path base = file.toAbsolutePath().normalize().getParent();
        assertEquals(Optional.of(new JmsSpoolConfig("tcp://127.0.0.1:61616", "spoolmail",
                Optional.of(base.resolve("etc/broker.cred")), Optional.empty(), Optional.empty(), 10L << 20)),
                spool.jms());
        assertEquals(2, spool.workers());
        assertEquals(spool.jms(), spool.withWorkers(8).jms());
    }

    @Test
    void loadShouldReadMaxItemSizeInOctetsWhenGivenWithUnit() throws Exception {
        Path file = write("spool: {type: jms, url: \"tcp://127.0.0.1:61616\", queue: spoolmail, max-item-size: 2KiB}");

        assertEquals(2048, loader.load(file).spool().jms().orElseThrow().maxItemOctets());
    }

    @Test
    void loadShouldNameMissingUrlAndQueueWhenTypeIsJms() throws Exception {
        Path file = write("spool: {type: jms, connection-factory: SPOOLMAILCF}");

        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(file));

        assertEquals(List.of(file + ": spool.url: required with type: jms (e.g. tcp://127.0.0.1:61616)",
                file + ": spool.queue: required with type: jms: letters, digits, '_', '.', '-', e.g. spoolmail",
                file + ": spool.connection-factory: connection-factory and jndi-factory go together (JNDI lookup)"),
                e.problems());
    }

    @Test
    void loadShouldRefuseBrokerKeyWhenTypeIsDirectory() throws Exception {
        Path file = write("spool: {url: \"tcp://127.0.0.1:61616\"}");

        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(file));

        assertEquals(List.of(file + ": spool.url: is a broker setting: it needs type: jms"), e.problems());
    }

    private Path write(String spool) throws IOException {
        Path file = dir.resolve("pipeline.yaml");
        Files.writeString(file, "version: 1\n" + spool + "\npipeline:\n  - stage: parse\n    use: smtp-datastream\n",
                StandardCharsets.UTF_8);
        return file;
    }
}
