package org.spoolmail.kernel.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.spoolmail.kernel.queue.DirectorySpool;
import org.spoolmail.kernel.queue.ServerLock;
import org.spoolmail.kernel.queue.SpoolQueue;

/**
 * The server line {@code queue} prints. The status file is only what a server last wrote: a server killed with
 * SIGKILL never writes "stopped", so the file alone would show it running forever. A directory spool's server is
 * running only while it holds the spool's lock (the system releases it when the process ends, however it ends); for
 * another spool, only while the process the line names is alive. Otherwise the line says the server is not running
 * and when it last wrote its status.
 */
final class ServerStatus {

    private static final Pattern PID = Pattern.compile("\\bpid (\\d{1,19})\\b");

    private ServerStatus() {
    }

    static String of(SpoolQueue queue, Path statusFile) throws IOException {
        Optional<String> last = read(statusFile);
        long named = last.map(PID::matcher).filter(Matcher::find).map(m -> Long.parseLong(m.group(1))).orElse(0L);
        if (queue instanceof DirectorySpool d) {
            Optional<Long> holder = ServerLock.holder(d.serverLockFile());
            if (holder.isPresent()) {
                return last.filter(l -> named == holder.get()).orElse("server running, pid " + holder.get()
                        + "; it has not written its status yet");
            }
        } else if (named > 0 && ProcessHandle.of(named).map(ProcessHandle::isAlive).orElse(false)) {
            return last.get();
        }
        if (last.isEmpty()) {
            return "no server has run on this spool";
        }
        if (last.get().startsWith("server stopped")) {
            return last.get();
        }
        return "server not running: " + (named > 0 ? "pid " + named : "it") + " ended without stopping (killed or"
                + " crashed); its last status, written " + Files.getLastModifiedTime(statusFile).toInstant()
                .truncatedTo(ChronoUnit.SECONDS) + ", was: " + last.get().replaceFirst("^server ", "");
    }

    private static Optional<String> read(Path statusFile) throws IOException {
        try {
            return Optional.of(Files.readString(statusFile, StandardCharsets.UTF_8).strip());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }
}
