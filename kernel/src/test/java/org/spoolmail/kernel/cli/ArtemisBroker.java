package org.spoolmail.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * The standalone Artemis broker {@code .ci/artemis-setup} starts on 127.0.0.1 (its variables in the environment), or
 * the test is skipped, and failed with {@code SPOOLMAIL_ARTEMIS=required} (as {@code .ci/run} sets it).
 */
final class ArtemisBroker {

    final String url;
    final Path instance;
    final String user;
    final String password;

    private ArtemisBroker(String url, Path instance, String user, String password) {
        this.url = url;
        this.instance = instance;
        this.user = user;
        this.password = password;
    }

    static ArtemisBroker require() {
        String url = System.getenv("SPOOLMAIL_ARTEMIS_URL");
        String instance = System.getenv("SPOOLMAIL_ARTEMIS_INSTANCE");
        String missing = url == null || instance == null ? "SPOOLMAIL_ARTEMIS_URL/_INSTANCE are not set"
                : listening(url) ? null : "nothing listens at " + url;
        if (missing == null) {
            return new ArtemisBroker(url, Path.of(instance), System.getenv("SPOOLMAIL_ARTEMIS_USER"),
                    System.getenv("SPOOLMAIL_ARTEMIS_PASSWORD"));
        }
        String reason = "no test Artemis broker: " + missing + "; start one with: eval \"$(.ci/artemis-setup)\"";
        if ("required".equals(System.getenv("SPOOLMAIL_ARTEMIS"))) {
            fail(reason + " (SPOOLMAIL_ARTEMIS=required)");
        }
        Assumptions.abort(reason);
        return null;
    }

    /** @return a credentials file for the broker's login, owner-only as the JMS spool demands */
    Path credentials(Path dir) throws IOException {
        Path file = dir.resolve("broker.cred");
        Files.writeString(file, "user=" + user + "\npassword=" + password + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    /** The spool block of a pipeline on this broker, with a queue of its own. */
    String spoolBlock(String queue, Path credentials, int workers) {
        return "{type: jms, url: \"" + url + "\", queue: \"" + queue + "\", credentials-file: \"" + credentials
                + "\", workers: \"" + workers + "\", retry-initial: 1s, retry-max: 2s, poll-interval: 200ms}";
    }

    /** Stops the broker (its service script: a clean shutdown) and starts it again, waiting until it listens. */
    void restart() throws Exception {
        service("stop");
        assertEquals(false, listening(url), "the broker still listens after stop");
        service("start");
        long deadline = System.currentTimeMillis() + 90_000;
        while (!listening(url)) {
            if (System.currentTimeMillis() > deadline) {
                fail("the broker did not listen again within 90 s");
            }
            Thread.sleep(200);
        }
    }

    private void service(String action) throws Exception {
        Process p = new ProcessBuilder(instance.resolve("bin/artemis-service").toString(), action)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            fail("artemis-service " + action + " failed: " + out);
        }
    }

    private static boolean listening(String url) {
        URI u = URI.create(url.replaceFirst("\\?.*", ""));
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(u.getHost(), u.getPort()), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
