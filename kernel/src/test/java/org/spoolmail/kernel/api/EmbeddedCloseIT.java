package org.spoolmail.kernel.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.spoolmail.exits.ExitDecision;
import org.spoolmail.exits.MailExit;

/**
 * After close nothing of the kernel is left: no thread it started (exit routine workers, deliver-smtp's watchdog),
 * no connection to the relay (deliver-smtp keeps idle sessions open for reuse until then), and every plugin class
 * loader is closed and can be collected.
 */
class EmbeddedCloseIT {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    @Test
    void closeShouldLeaveNoThreadConnectionOrPluginClassLoaderWhenMailWasSent() throws Exception {
        int port = smtp.getSmtp().getPort();
        // exits-api's first file handle starts its one JVM-wide cleaner thread; that is not the kernel's to stop.
        org.spoolmail.exits.mail.ContentHandle.ofFile(Files.writeString(dir.resolve("warm-up"), "x"));
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        MailExit proceed = mail -> ExitDecision.proceed();
        Spoolmail spoolmail = Spoolmail.builder()
                .pipeline(EmbeddedPipelines.pipeline(EmbeddedPipelines.smtp(port), List.of("proceed"), true), dir)
                .pluginsDirectory(EmbeddedPipelines.plugins(dir))
                .extension(MailExit.class, "proceed", () -> proceed)
                .build();
        for (int i = 0; i < 20; i++) {
            assertEquals(0, spoolmail.submit(Mail.builder().from("a@example.com").to("b@example.com")
                    .subject("n" + i).text("x").build()).conditionCode());
        }
        List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
        List<URLClassLoader> urlLoaders = new ArrayList<>();
        for (ClassLoader l : spoolmail.pluginClassLoaders()) {
            loaders.add(new WeakReference<>(l));
            urlLoaders.add((URLClassLoader) l);
        }
        assertTrue(loaders.size() >= 10, "the distribution's plugins were loaded: " + loaders.size());
        assertNotNull(urlLoaders.get(0).findResource("META-INF/extensions.idx"), "open while loaded");
        assertTrue(established(port) > 0, "deliver-smtp keeps its session open for reuse until close");
        assertTrue(started(before).stream().anyMatch(t -> t.getName().startsWith("deliver-smtp")),
                started(before).toString());

        spoolmail.close();

        assertEquals(0, awaitEstablished(port), "connections to the relay after close");
        assertEquals(List.of(), awaitNoneStarted(before));
        for (URLClassLoader l : urlLoaders) {
            assertNull(l.findResource("META-INF/extensions.idx"), "closed: " + l);
        }
        urlLoaders.clear();
        assertThrows(IllegalStateException.class, () -> spoolmail.submit(Mail.builder().from("a@example.com")
                .to("b@example.com").build()));
        assertEquals(0, collect(loaders), "plugin class loaders still reachable after close");
    }

    private static List<Thread> started(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t) && t.isAlive())
                .filter(t -> !t.getName().startsWith("greenmail") && !t.getName().startsWith("smtp"))
                .toList();
    }

    private static List<String> awaitNoneStarted(Set<Thread> before) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!started(before).isEmpty() && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        return started(before).stream().map(Thread::getName).toList();
    }

    private static int awaitEstablished(int port) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (established(port) > 0 && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        return established(port);
    }

    /** ESTABLISHED TCP connections to or from the port, from the kernel's table (both ends count). */
    private static int established(int port) throws IOException {
        String hexPort = String.format(Locale.ROOT, ":%04X", port);
        int count = 0;
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.exists(file)) {
                continue;
            }
            for (String line : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
                String[] f = line.trim().split("\\s+");
                if (f[3].equals("01") && (f[1].endsWith(hexPort) || f[2].endsWith(hexPort))) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Asks for collection until every loader is gone or 50 rounds pass; returns how many are still reachable. */
    private static long collect(List<WeakReference<ClassLoader>> loaders) throws InterruptedException {
        for (int round = 0; round < 50 && loaders.stream().anyMatch(r -> r.get() != null); round++) {
            System.gc();
            Thread.sleep(20);
        }
        return loaders.stream().filter(r -> r.get() != null).count();
    }
}
