package org.spoolmail.plugins.mime.encode;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.spoolmail.exits.mail.ContentType;
import org.spoolmail.exits.mail.HeaderSection;

/**
 * Gives an attachment named only by Content-Type {@code name=} a Content-Disposition {@code filename}, since many
 * clients look only there: {@code attachment; filename="ELEMENTS.CSV"}. A disposition the part has keeps its type
 * and parameters (a dangling ';' is dropped). The value is Unicode; the writer applies RFC 2231 where needed.
 */
final class AttachmentName {

    private static final String DISPOSITION = "Content-Disposition";

    private AttachmentName() {
    }

    /**
     * Adds the filename where the part has a Content-Type name and no disposition filename.
     *
     * @param headers the part's header fields other than Content-Type and Content-Transfer-Encoding
     * @param type the part's Content-Type
     * @return the header fields, completed
     */
    static HeaderSection complete(HeaderSection headers, ContentType type) {
        Optional<String> name = type.parameter("name").filter(n -> !n.isBlank());
        if (name.isEmpty()) {
            return headers;
        }
        Optional<String> disposition = headers.first(DISPOSITION);
        if (disposition.isEmpty()) {
            return headers.with(DISPOSITION, "attachment; filename=" + quoted(name.get()));
        }
        String value = disposition.get();
        int semicolon = value.indexOf(';');
        String kind = (semicolon < 0 ? value : value.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        Map<String, String> parameters = semicolon < 0 ? Map.of()
                : ContentType.parse("x/x;" + value.substring(semicolon + 1)).parameters();
        if (parameters.keySet().stream().anyMatch(k -> k.startsWith("filename"))) {
            return headers;
        }
        StringBuilder b = new StringBuilder(kind.isEmpty() ? "attachment" : kind);
        parameters.forEach((k, v) -> b.append("; ").append(k).append('=').append(ContentType.quoteIfNeeded(v)));
        b.append("; filename=").append(quoted(name.get()));
        return headers.replace(DISPOSITION, b.toString());
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
