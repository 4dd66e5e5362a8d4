package org.spoolmail.kernel.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.spoolmail.exits.mail.MailInput;
import org.spoolmail.kernel.text.DisplayText;

/**
 * The hold folder of {@code send} ({@code hold-directory} in pipeline.yaml, default {@code held} beside it): mail that
 * cannot go is kept there with its reason, never dropped (DESIGN.md). For each HELD or DEFERRED item, and each item
 * with a recipient the relay deferred ({@code send} has no retry queue), it writes a copy of the original input,
 * {@code <queue-id>.input}, and {@code <queue-id>.reason} (naming the {@code pending-recipients} when the others
 * went); for an input refused as a whole,
 * {@code <origin-name>-<timestamp>.input} and {@code .reason}. Each file is written to a temporary name and moved into
 * place atomically, so a reader never sees half a file; the files are owner-only (0600) and the folders it creates
 * 0700, since they hold mail content. The operator resends with {@code spoolmail send
 * held/<id>.input} and the options of the first run.
 */
final class HoldDirectory {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path folder;
    private final Clock clock;

    /**
     * @param folder the hold folder, as it is shown to the user
     * @param clock the clock of the timestamp in the names of refused inputs
     */
    HoldDirectory(Path folder, Clock clock) {
        this.folder = folder;
        this.clock = clock;
    }

    /**
     * Keeps one held item.
     *
     * @param input the input the item came from
     * @param reason what the {@code .reason} file says, one {@code key: value} line each
     * @param queueId the item's queue ID, which names the files
     * @return the copy of the input
     * @throws IOException if the folder or a file cannot be written
     */
    Path holdItem(MailInput input, Reason reason, String queueId) throws IOException {
        return hold(input, reason, queueId);
    }

    /**
     * Keeps an input refused as a whole.
     *
     * @param input the input
     * @param reason what the {@code .reason} file says
     * @return the copy of the input
     * @throws IOException if the folder or a file cannot be written
     */
    Path holdInput(MailInput input, Reason reason) throws IOException {
        String origin = Optional.ofNullable(Path.of(input.origin()).getFileName()).map(Path::toString)
                .map(HoldDirectory::safeName).orElse("input");
        String base = origin + "-" + STAMP.format(clock.instant());
        String name = base;
        for (int n = 2; Files.exists(folder.resolve(name + ".input")); n++) {
            name = base + "-" + n;
        }
        return hold(input, reason, name);
    }

    /**
     * The input's file name as a held file's name: letters, digits, '.', '_' and '-' only (a name holding a line
     * break, a control character or a shell metacharacter becomes '_'), at most 100 characters, so that any input
     * name can be held and the name cannot forge lines anywhere it is shown.
     */
    static String safeName(String fileName) {
        String safe = fileName.replaceAll("[^A-Za-z0-9._-]", "_").replaceFirst("^\\.+", "_");
        return safe.length() > 100 ? safe.substring(0, 100) : safe;
    }

    private Path hold(MailInput input, Reason reason, String name) throws IOException {
        OwnerOnly.createFolders(folder);
        Path copy = folder.resolve(name + ".input");
        try (InputStream in = input.data().open()) {
            place(copy, in);
        }
        try (InputStream in = new java.io.ByteArrayInputStream(reason.text().getBytes(StandardCharsets.UTF_8))) {
            place(folder.resolve(name + ".reason"), in);
        }
        return copy;
    }

    private static void place(Path target, InputStream content) throws IOException {
        Path temp = OwnerOnly.createTempFile(target.getParent(), ".hold-", ".tmp");
        try {
            // Written into the 0600 temporary file as it is: Files.copy with REPLACE_EXISTING would create it anew.
            try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.TRUNCATE_EXISTING)) {
                content.transferTo(out);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * What a resend needs: the original input's absolute path ({@code -} for standard input), the working folder
     * relative paths were resolved in, and the send options that shape the input.
     *
     * @param origin the input's file path or {@code stdin}
     * @param input the absolute path of the original input, or {@code -} for standard input
     * @param workingFolder the working folder of the run
     * @param options the options, each word quoted for a POSIX shell where it needs it
     */
    record Resend(String origin, String input, Path workingFolder, String options) {

        private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

        static Resend of(String origin, List<String> options) {
            String input = origin.equals("stdin") ? "-" : Path.of(origin).toAbsolutePath().normalize().toString();
            return new Resend(origin, input, Path.of("").toAbsolutePath(),
                    String.join(" ", options.stream().map(Resend::quoted).toList()));
        }

        private static String quoted(String word) {
            return PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
        }
    }

    /**
     * What a {@code .reason} file says.
     *
     * @param resend the origin and what a resend needs
     * @param queueId the item's queue ID; empty for a refused input
     * @param record the record the item or the error starts at, when known
     * @param outcome {@code HELD} or {@code DEFERRED}
     * @param holdCause why it is held, e.g. {@code EXIT_FAILURE}; empty for a deferred item
     * @param reason the reason, one line
     * @param reply the deciding SMTP reply, e.g. {@code 451 4.3.0 directory unavailable}, when there is one
     * @param conditionCode the condition code it got
     * @param pendingRecipients the forward-paths still to be sent when the relay answered for each (those it
     *     deferred), e.g. {@code <b@x>}; empty when the whole item is still to go
     */
    record Reason(Resend resend, Optional<String> queueId, Optional<Long> record, String outcome,
            Optional<String> holdCause, String reason, Optional<String> reply, int conditionCode,
            List<String> pendingRecipients) {

        Reason {
            pendingRecipients = List.copyOf(pendingRecipients);
        }

        /** A reason for an item that is still to go to every recipient. */
        Reason(Resend resend, Optional<String> queueId, Optional<Long> record, String outcome,
                Optional<String> holdCause, String reason, Optional<String> reply, int conditionCode) {
            this(resend, queueId, record, outcome, holdCause, reason, reply, conditionCode, List.of());
        }

        String text() {
            return "origin: " + oneLine(resend.origin()) + "\n"
                    + "input: " + oneLine(resend.input()) + "\n"
                    + "working-folder: " + oneLine(resend.workingFolder().toString()) + "\n"
                    + "options: " + oneLine(resend.options()) + "\n"
                    + queueId.map(q -> "queue-id: " + q + "\n").orElse("")
                    + record.map(r -> "record: " + r + "\n").orElse("")
                    + "outcome: " + outcome + "\n"
                    + holdCause.map(c -> "hold-cause: " + c + "\n").orElse("")
                    + "reason: " + oneLine(reason) + "\n"
                    + reply.map(r -> "reply: " + oneLine(r) + "\n").orElse("")
                    + (pendingRecipients.isEmpty() ? ""
                            : "pending-recipients: " + oneLine(String.join(",", pendingRecipients)) + "\n")
                    + "condition-code: " + conditionCode + "\n";
        }

        /** One line of text a reader can trust: every control character and line separator shown as \\uXXXX. */
        private static String oneLine(String text) {
            return DisplayText.escape(text);
        }
    }
}
