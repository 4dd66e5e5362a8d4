package org.spoolmail.kernel.queue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;


/**
 * The file a submitter drops: a header of {@code key: value} lines ({@code spoolmail-drop: 1}, {@code origin},
 * {@code format}, {@code ccsid}, {@code records}, {@code index}, {@code claim.job-name} ..., and for each file the
 * deck names {@code file.N}, {@code file.N.path}, {@code file.N.octets}, {@code file.N.sha256}), a blank line, the
 * input's octets as they were, then the octets of each named file in order (see {@link CarriedFile}). The header
 * names no user: the server takes the submitter from the file's owner, and everything in the header is a claim.
 */
final class DropFile {

    /** The first header line, naming the format's version. */
    static final String MAGIC = "spoolmail-drop";
    /** The longest header read before the drop is refused as not a drop file. */
    private static final int MAX_HEADER = 64 * 1024;

    private DropFile() {
    }

    /**
     * A drop as read: what it claims, and the state it asks to enter the queue in ({@code send} drops mail it
     * held or deferred, with the reason, when it cannot write the queue itself).
     */
    record Drop(Submission submission, ItemState state, Optional<String> reason) {
    }

    /** @return the header of a drop for this submission (the submitter is left out: the owner says it) */
    static byte[] header(Submission s, ItemState state, Optional<String> reason) {
        List<Map.Entry<String, String>> l = new ArrayList<>();
        l.add(Map.entry(MAGIC, "1"));
        l.add(Map.entry("origin", s.origin()));
        s.format().ifPresent(f -> l.add(Map.entry("format", f)));
        l.add(Map.entry("ccsid", Integer.toString(s.ccsid().number())));
        l.add(Map.entry("records", s.records().toString()));
        l.add(Map.entry("index", Integer.toString(s.index())));
        s.options().forEach(o -> l.add(Map.entry("option", o)));
        CarriedFile.write(s.files(), l);
        Submission.CLAIM_KEYS.stream().filter(s.claims()::containsKey)
                .forEach(k -> l.add(Map.entry("claim." + k, s.claims().get(k))));
        if (state != ItemState.INCOMING) {
            l.add(Map.entry("state", state.label()));
        }
        reason.ifPresent(r -> l.add(Map.entry("reason", r)));
        byte[] lines = KeyValueText.write(l);
        byte[] all = java.util.Arrays.copyOf(lines, lines.length + 1);
        all[lines.length] = '\n';
        return all;
    }

    /**
     * Reads a drop's header, leaving the stream at the first octet of the input.
     *
     * @param in the drop, from its start
     * @param owner the file's owner, established by the server
     * @return the submission it describes, owned by {@code owner}
     * @throws IllegalArgumentException if it is not a drop file, or a header field is missing, unknown or bad (the
     *     message names the field and says why)
     * @throws IOException if reading fails
     */
    static Drop read(InputStream in, String owner) throws IOException {
        byte[] magic = (MAGIC + ": ").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        if (!java.util.Arrays.equals(in.readNBytes(magic.length), magic)) {
            throw new IllegalArgumentException("not a spoolmail drop file (no '" + MAGIC + ": 1' header)");
        }
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        header.write(magic);
        int previous = -1;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IllegalArgumentException("drop file header ends without its blank line");
            }
            if (b == '\n' && previous == '\n') {
                break;
            }
            header.write(b);
            previous = b;
            if (header.size() > MAX_HEADER) {
                throw new IllegalArgumentException("drop file header is longer than " + MAX_HEADER + " octets");
            }
        }
        return DropHeaderFields.read(KeyValueText.read(header.toByteArray(), "drop file header"), owner);
    }
}
