package org.spoolmail.exits.mail;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A media type with parameters, the value of a Content-Type header field (RFC 2045 section 5.1).
 *
 * <p>Type, subtype and parameter names are kept in lower case; parameter values as given (unquoted, Unicode: a
 * non-ASCII file name is written with RFC 2231 by {@link MessageWriter}). Parameters keep their order.
 *
 * @param type the top-level type, e.g. {@code text}
 * @param subtype the subtype, e.g. {@code plain}
 * @param parameters parameter names (lower case) to values
 * @since 1.0.0
 */
public record ContentType(String type, String subtype, Map<String, String> parameters) {

    /** {@code text/plain}, the RFC 2045 default. */
    public static final ContentType TEXT_PLAIN = new ContentType("text", "plain", Map.of());
    /** {@code application/octet-stream}, for binary content of unknown type. */
    public static final ContentType OCTET_STREAM = new ContentType("application", "octet-stream", Map.of());

    /**
     * Normalises case and copies the parameters.
     *
     * @param type the top-level type, e.g. {@code text}
     * @param subtype the subtype, e.g. {@code plain}
     * @param parameters parameter names (lower case) to values
     * @throws IllegalArgumentException if type or subtype is empty or holds a character outside RFC 2045 tokens
     */
    public ContentType {
        type = token(type, "type");
        subtype = token(subtype, "subtype");
        Map<String, String> copy = new LinkedHashMap<>();
        parameters.forEach((k, v) -> {
            int bad = HeaderField.firstControl(v);
            if (bad >= 0) {
                throw new IllegalArgumentException("Content-Type parameter " + k + " holds a control character");
            }
            copy.put(token(k, "parameter name"), v);
        });
        parameters = Collections.unmodifiableMap(copy);
    }

    /**
     * Parses a Content-Type field body leniently, as batch jobs write them: any case, blanks anywhere, quoted or
     * unquoted values, a dangling ';'.
     *
     * @param fieldBody e.g. {@code TEXT/PLAIN; CHARSET="ISO-8859-1"; NAME=ELEMENTS.CSV}
     * @return the content type
     * @throws IllegalArgumentException if there is no {@code type/subtype}
     */
    public static ContentType parse(String fieldBody) {
        String[] pieces = splitParameters(fieldBody);
        String media = pieces[0].strip();
        int slash = media.indexOf('/');
        if (slash <= 0 || slash == media.length() - 1) {
            throw new IllegalArgumentException("Content-Type '" + fieldBody + "' has no type/subtype");
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 1; i < pieces.length; i++) {
            String p = pieces[i].strip();
            int eq = p.indexOf('=');
            if (p.isEmpty() || eq <= 0) {
                continue;
            }
            String value = p.substring(eq + 1).strip();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
            }
            params.put(p.substring(0, eq).strip().toLowerCase(Locale.ROOT), value);
        }
        return new ContentType(media.substring(0, slash).strip(), media.substring(slash + 1).strip(), params);
    }

    /**
     * Returns a parameter's value.
     *
     * @param name the parameter name, any case
     * @return the value, or empty if absent
     */
    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name.toLowerCase(Locale.ROOT)));
    }

    /**
     * Returns this type with a parameter set (replacing any earlier value).
     *
     * @param name the parameter name
     * @param value the value, unquoted
     * @return a new content type
     */
    public ContentType withParameter(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(parameters);
        copy.put(name.toLowerCase(Locale.ROOT), value);
        return new ContentType(type, subtype, copy);
    }

    /**
     * Returns this type without a parameter.
     *
     * @param name the parameter name
     * @return a new content type
     */
    public ContentType withoutParameter(String name) {
        Map<String, String> copy = new LinkedHashMap<>(parameters);
        copy.remove(name.toLowerCase(Locale.ROOT));
        return new ContentType(type, subtype, copy);
    }

    /** @return true for {@code multipart/*} */
    public boolean isMultipart() {
        return type.equals("multipart");
    }

    /** @return true for {@code text/*} */
    public boolean isText() {
        return type.equals("text");
    }

    /** @return {@code type/subtype} */
    public String mediaType() {
        return type + "/" + subtype;
    }

    /** @return {@code type/subtype} followed by the parameters; values quoted where RFC 2045 needs it */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(mediaType());
        parameters.forEach((k, v) -> b.append("; ").append(k).append('=').append(quoteIfNeeded(v)));
        return b.toString();
    }

    /**
     * Quotes a parameter value when it is not an RFC 2045 token.
     *
     * @param value the value
     * @return the value itself or a quoted-string
     */
    public static String quoteIfNeeded(String value) {
        boolean token = !value.isEmpty() && value.chars().allMatch(ContentType::isTokenChar);
        return token ? value : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static boolean isTokenChar(int c) {
        return c > 32 && c < 127 && "()<>@,;:\\\"/[]?=".indexOf(c) < 0;
    }

    private static String token(String s, String what) {
        String t = s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
        if (t.isEmpty() || !t.chars().allMatch(ContentType::isTokenChar)) {
            throw new IllegalArgumentException("Content-Type " + what + " '" + s + "' is not an RFC 2045 token");
        }
        return t;
    }

    private static String[] splitParameters(String body) {
        java.util.List<String> out = new java.util.ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '"' && (i == 0 || body.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            }
            if (c == ';' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out.toArray(new String[0]);
    }
}
