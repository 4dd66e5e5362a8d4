package org.spoolmail.plugins.deliver.smtp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

import org.spoolmail.exits.StageException;
import org.spoolmail.exits.TransientStageException;

/**
 * Reads the AUTH password from the {@code password-file} setting, as DESIGN.md asks of credentials: "from the
 * environment or a file readable by the owner only". Where the file system has POSIX permissions, a file its group
 * or others may read or write is refused. The file holds the password in UTF-8 on one line; one trailing line end
 * (LF or CRLF) is removed, nothing else, so blanks in a password stay. No message ever shows the file's content.
 */
final class PasswordFile {

    private static final Set<PosixFilePermission> NOT_OWNER = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    private PasswordFile() {
    }

    /**
     * @param file the resolved path
     * @return the password
     * @throws StageException transient (configuration, condition code 16) if the file cannot be read, is open to
     *     its group or others, or holds no password or more than one line
     */
    static Secret read(Path file) throws StageException {
        try {
            checkOwnerOnly(file);
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Regular.read(file))).toString();
            String password = text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
                    : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
            if (password.isEmpty()) {
                throw problem(file, "holds no password");
            }
            if (password.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
                throw problem(file, "holds more than one line; it must hold the password alone on one line");
            }
            return new Secret(password);
        } catch (NoSuchFileException e) {
            throw problem(file, "cannot be read: no such file");
        } catch (CharacterCodingException e) {
            throw problem(file, "is not UTF-8 text");
        } catch (IOException e) {
            // The class alone says enough for most failures; Regular's own refusal of a FIFO needs its words.
            throw problem(file, "cannot be read: " + (e.getClass() == IOException.class ? "not a regular file"
                    + " (a FIFO, device or socket)" : e.getClass().getSimpleName()));
        }
    }

    private static void checkOwnerOnly(Path file) throws IOException, StageException {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (permissions.stream().anyMatch(NOT_OWNER::contains)) {
            throw problem(file, "is open to its group or others (" + PosixFilePermissions.toString(permissions)
                    + "); credentials must be in a file readable by its owner only: chmod 600 " + file);
        }
    }

    private static TransientStageException problem(Path file, String what) {
        return new TransientStageException("password-file " + file + " " + what, null);
    }
}
