package org.spoolmail.plugins.deliver.smtp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.spoolmail.exits.StageException;
import org.spoolmail.exits.fake.FakeStageContext;

/** Initialised stages for tests, each remembered so the test can close them all (which sends QUIT). */
final class TestStages implements AutoCloseable {

    private final Path base;
    private final List<SmtpDeliveryStage> opened = new ArrayList<>();

    TestStages(Path base) {
        this.base = base;
    }

    /**
     * @param port the relay's port on 127.0.0.1
     * @param extra more configuration, overriding the defaults (starttls off, helo-name h.example.org, 5s)
     * @return the started stage
     */
    SmtpDeliveryStage start(int port, Map<String, Object> extra) throws StageException {
        return start(port, extra, Map.of(), null);
    }

    /**
     * @param port the relay's port on 127.0.0.1, or 0 to give host/hosts in {@code extra}
     * @param extra more configuration
     * @param env the environment variables the stage sees
     * @param trace where the wire trace goes; null for the logger
     * @return the started stage
     */
    SmtpDeliveryStage start(int port, Map<String, Object> extra, Map<String, String> env, List<String> trace)
            throws StageException {
        Map<String, Object> config = new HashMap<>(Map.of("starttls", "off", "helo-name", "h.example.org",
                "command-timeout", "5s", "connect-timeout", "5s"));
        if (port > 0) {
            config.put("host", "127.0.0.1");
            config.put("port", port);
        }
        config.putAll(extra);
        SmtpDeliveryStage stage = new SmtpDeliveryStage(env::get, trace == null ? null : trace::add);
        stage.init(FakeStageContext.of(stage, config, base));
        opened.add(stage);
        return stage;
    }

    @Override
    public void close() {
        opened.forEach(SmtpDeliveryStage::close);
    }
}
