package org.spoolmail.kernel.queue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.spoolmail.exits.mail.ContentHandle;
import org.spoolmail.exits.mail.Identity;
import org.spoolmail.exits.mail.InputFiles;
import org.spoolmail.exits.mail.MailInput;

/**
 * A queued item as the spool server parses it: the input's octets, and as its only files the octets the item carries
 * ({@link CarriedFile}). The server never opens a path an item names: a deck's ATTACH, TEXTFILE or HTMLFILE that
 * names a file the item does not carry (a hand-written drop naming {@code /etc/shadow}, an item queued before files
 * were carried) fails the parse, and the item is a bad spool file, held with that reason.
 */
public final class CarriedInput {

    /** Why a file is refused: read after {@code file <path>} in the deck's error. */
    static final String NOT_CARRIED = "is not carried in this spool item: the spool server reads only the files"
            + " captured with the submitter's rights at submission, never a path the item names";

    private CarriedInput() {
    }

    /**
     * @param submission what was submitted, with the files it carries
     * @param content the item's octets: the input's, then each carried file's
     * @param identity the submitter as the server established it
     * @return the input, its named files the carried octets only
     */
    public static MailInput of(Submission submission, ContentHandle content, Identity identity) {
        long carried = CarriedFile.total(submission.files());
        long size = content.sizeOctets();
        if (carried > size) {
            return new MailInput(submission.origin(), content, submission.ccsid(), submission.records(), identity,
                    InputFiles.none(NOT_CARRIED + " (its octets are shorter than the files it lists)"));
        }
        Map<String, InputFiles.Opened> files = new LinkedHashMap<>();
        long offset = size - carried;
        for (CarriedFile f : submission.files()) {
            files.putIfAbsent(f.name(), new InputFiles.Opened(f.path(), new ContentSlice(content, offset,
                    f.octets())));
            offset += f.octets();
        }
        InputFiles none = InputFiles.none(NOT_CARRIED);
        InputFiles only = written -> {
            InputFiles.Opened f = files.get(written);
            return f != null ? f : none.open(written);
        };
        return new MailInput(submission.origin(), new ContentSlice(content, 0, size - carried), submission.ccsid(),
                submission.records(), identity, only);
    }

    /**
     * Checks that an item's octets hold the files it lists, as the server takes a drop in: a drop whose carried
     * octets do not match their SHA-256 (cut short, changed) is a bad spool file.
     *
     * @param files the files the item lists
     * @param content its octets
     * @return what is wrong, for the hold reason; empty when every file matches
     * @throws IOException if the octets cannot be read
     */
    static Optional<String> mismatch(List<CarriedFile> files, ContentHandle content) throws IOException {
        long offset = content.sizeOctets() - CarriedFile.total(files);
        if (offset < 0) {
            return Optional.of("the drop is shorter than the " + files.size() + " file(s) its header lists");
        }
        for (CarriedFile f : files) {
            MessageDigest sha = FileCapture.sha256();
            try (InputStream in = new DigestInputStream(new ContentSlice(content, offset, f.octets()).open(), sha)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            if (!HexFormat.of().formatHex(sha.digest()).equals(f.sha256())) {
                return Optional.of("carried file " + f.path() + " does not match the sha256 its header lists");
            }
            offset += f.octets();
        }
        return Optional.empty();
    }
}
