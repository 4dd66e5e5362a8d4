package org.spoolmail.sampleexits.attachment;

import java.util.List;
import java.util.Optional;

import org.spoolmail.exits.mail.AddressPattern;

/**
 * The configured checks of one attachment: media type and file-name extension, each with allowed and denied
 * patterns (deny wins; an empty allow list allows everything not denied), and the maximum number of attachments.
 *
 * @param allowTypes allowed media types such as {@code text/*}
 * @param denyTypes denied media types
 * @param allowExtensions allowed extensions with their dot, lower case ({@code .pdf}; {@code .} for none)
 * @param denyExtensions denied extensions, as allowExtensions
 * @param maxAttachments the most attachments a message may have, if limited
 */
record AttachmentRules(List<AddressPattern> allowTypes, List<AddressPattern> denyTypes,
        List<AddressPattern> allowExtensions, List<AddressPattern> denyExtensions, Optional<Integer> maxAttachments) {

    /**
     * @param a the attachment
     * @return why it is refused, or empty if it passes
     */
    Optional<String> refusal(Attachment a) {
        String type = a.part().contentType().mediaType();
        Optional<String> byType = check(type, allowTypes, denyTypes, "content type " + type);
        if (byType.isPresent()) {
            return byType;
        }
        String ext = a.extension();
        if (ext.isEmpty() && !allowExtensions.isEmpty()) {
            return Optional.of("a file name without an extension is not allowed");
        }
        return check("." + ext, allowExtensions, denyExtensions, "file name extension ." + ext);
    }

    private static Optional<String> check(String value, List<AddressPattern> allow, List<AddressPattern> deny,
            String what) {
        if (deny.stream().anyMatch(p -> p.matches(value))
                || (!allow.isEmpty() && allow.stream().noneMatch(p -> p.matches(value)))) {
            return Optional.of(what + " is not allowed");
        }
        return Optional.empty();
    }
}
