package org.spoolmail.sampleexits.attachment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.spoolmail.exits.mail.MimePart;

/**
 * One attachment of a message: a leaf MIME part with a file name (Content-Disposition {@code filename} or
 * Content-Type {@code name}) or with {@code Content-Disposition: attachment}. The message text (a leaf without
 * either) is not an attachment.
 *
 * @param number the attachment's number, 1 for the first, in the depth-first order of the MIME tree
 * @param part the MIME part
 */
record Attachment(int number, MimePart part) {

    /**
     * Finds the attachments of a MIME tree.
     *
     * @param root the root part
     * @return the attachments in order
     */
    static List<Attachment> of(MimePart root) {
        List<Attachment> found = new ArrayList<>();
        for (MimePart leaf : root.leaves()) {
            if (isAttachment(leaf)) {
                found.add(new Attachment(found.size() + 1, leaf));
            }
        }
        return found;
    }

    /** @return the file name, or empty */
    Optional<String> fileName() {
        return part.fileName();
    }

    /** @return the extension after the last dot of the file name, in lower case; empty if none */
    String extension() {
        String name = fileName().orElse("");
        int dot = name.lastIndexOf('.');
        return dot < 0 || dot == name.length() - 1 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** @return {@code attachment 2 "ELEMENTS.CSV"}, or {@code attachment 2 (no file name)} */
    String describe() {
        return "attachment " + number + fileName().map(n -> " \"" + n + "\"").orElse(" (no file name)");
    }

    private static boolean isAttachment(MimePart leaf) {
        boolean disposition = leaf.headers().first("Content-Disposition")
                .map(d -> d.strip().toLowerCase(Locale.ROOT).startsWith("attachment")).orElse(false);
        return disposition || leaf.fileName().isPresent();
    }
}
