package org.spoolmail.kernel.queue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.spoolmail.exits.mail.ContentHandle;
import org.spoolmail.exits.mail.InputFiles;

/**
 * The files an input names, captured when it is submitted, as Postfix's postdrop captures a whole message: the parse
 * at submission opens each file through this (with the submitter's rights, each name once), and the drop then carries
 * the octets of exactly those opened files after the input's own ({@link #append(InputStream)}), listed in the
 * submission with length and SHA-256 ({@link #carried()}). So the spool server, whatever its rights, needs no path:
 * a file swapped for a symbolic link to {@code /etc/shadow} after submission, or changed while the item is deferred,
 * changes nothing. Used by {@code submit} and by every other path that drops mail into the spool. Thread-safe.
 */
public final class FileCapture implements InputFiles {

    private final InputFiles source;
    private final Map<String, Opened> opened = Collections.synchronizedMap(new LinkedHashMap<>());
    private List<CarriedFile> carried;

    /** @param source where the files are opened: the submitter's file system, or another capture */
    public FileCapture(InputFiles source) {
        this.source = source;
    }

    @Override
    public Opened open(String written) throws IOException {
        Opened known = opened.get(written);
        if (known != null) {
            return known;
        }
        Opened file = source.open(written);
        opened.putIfAbsent(written, file);
        return opened.get(written);
    }

    /**
     * A capture of the files one part of the input names (one transaction of a deck), taken from this capture's
     * opened files without opening any file again.
     *
     * @return an empty capture over this one
     */
    public FileCapture part() {
        return new FileCapture(this);
    }

    /**
     * @return the files opened so far, in the order they were first asked for, with length and SHA-256 (read once
     *     and remembered: the octets appended later must match them)
     * @throws IOException if a file cannot be read
     */
    public synchronized List<CarriedFile> carried() throws IOException {
        if (carried == null) {
            List<CarriedFile> files = new ArrayList<>();
            for (Map.Entry<String, Opened> e : entries()) {
                ContentHandle content = e.getValue().content();
                MessageDigest sha = sha256();
                try (InputStream in = new DigestInputStream(content.open(), sha)) {
                    in.transferTo(OutputStream.nullOutputStream());
                }
                files.add(new CarriedFile(e.getKey(), e.getValue().path(), content.sizeOctets(),
                        HexFormat.of().formatHex(sha.digest())));
            }
            carried = List.copyOf(files);
        }
        return carried;
    }

    /**
     * @param input the input's own octets
     * @return the input's octets followed by those of each {@link #carried()} file; reading fails if a file no
     *     longer gives the octets its SHA-256 says (it was changed in place while it was being submitted)
     * @throws IOException if a file cannot be read
     */
    public InputStream append(InputStream input) throws IOException {
        List<CarriedFile> files = carried();
        List<InputStream> parts = new ArrayList<>();
        parts.add(input);
        List<Map.Entry<String, Opened>> entries = entries();
        for (int i = 0; i < files.size(); i++) {
            parts.add(new CheckedStream(entries.get(i).getValue().content(), files.get(i)));
        }
        return new SequenceInputStream(Collections.enumeration(parts));
    }

    private List<Map.Entry<String, Opened>> entries() {
        synchronized (opened) {
            return new ArrayList<>(opened.entrySet());
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** One carried file's octets, opened when first read, checked against its length and SHA-256 at the end. */
    private static final class CheckedStream extends InputStream {
        private final ContentHandle content;
        private final CarriedFile file;
        private final MessageDigest sha = sha256();
        private InputStream in;
        private long count;
        private boolean checked;

        CheckedStream(ContentHandle content, CarriedFile file) {
            this.content = content;
            this.file = file;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (in == null) {
                in = content.open();
            }
            int n = in.read(b, off, len);
            if (n > 0) {
                sha.update(b, off, n);
                count += n;
            } else if (n < 0 && !checked) {
                checked = true;
                if (count != file.octets() || !HexFormat.of().formatHex(sha.digest()).equals(file.sha256())) {
                    throw new IOException("file " + file.path() + " changed while it was being submitted");
                }
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            if (in != null) {
                in.close();
            }
        }
    }
}
