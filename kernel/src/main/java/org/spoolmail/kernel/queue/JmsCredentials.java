package org.spoolmail.kernel.queue;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The broker user and password from the JMS spool's {@code credentials-file}: two lines, {@code user=NAME} and
 * {@code password=SECRET}, UTF-8, in a file its group and others can neither read nor write (chmod 600), as
 * deliver-smtp's password-file. Errors name the file and what is wrong with it, never its content; {@link #toString}
 * hides the password, so a logged record shows none.
 *
 * @param user the broker user
 * @param password the broker password
 */
public record JmsCredentials(String user, String password) {

    private static final Set<PosixFilePermission> NOT_OWNER = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    /**
     * @param file the credentials file
     * @return its user and password
     * @throws IOException if it is missing, open to others, not UTF-8, or lacks a user or password line
     */
    public static JmsCredentials read(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Set<PosixFilePermission> p;
            try {
                p = Files.getPosixFilePermissions(file);
            } catch (NoSuchFileException e) {
                throw problem(file, "cannot be read: no such file");
            }
            if (p.stream().anyMatch(NOT_OWNER::contains)) {
                throw problem(file, "is open to its group or others (" + PosixFilePermissions.toString(p)
                        + "); credentials must be in a file readable by its owner only: chmod 600 " + file);
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw problem(file, "is not UTF-8 text");
        }
        Map<String, String> v = new LinkedHashMap<>();
        for (String line : text.split("\r?\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                v.put(line.substring(0, eq).strip(), line.substring(eq + 1));
            }
        }
        if (!v.containsKey("user") || !v.containsKey("password")) {
            throw problem(file, "needs a user=NAME line and a password=SECRET line");
        }
        return new JmsCredentials(v.get("user"), v.get("password"));
    }

    @Override
    public String toString() {
        return "JmsCredentials[user=" + user + ", password=(hidden)]";
    }

    private static IOException problem(Path file, String what) {
        return new IOException("credentials-file " + file + " " + what);
    }
}
