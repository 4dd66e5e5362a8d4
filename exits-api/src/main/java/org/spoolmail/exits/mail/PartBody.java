package org.spoolmail.exits.mail;

import java.nio.charset.Charset;

/**
 * The content of a leaf MIME part, in one of three forms that tell later stages what they may do with it.
 *
 * <ul>
 *   <li>{@link Records}: text as the input held it, in its source CCSID, one record per line. Only the
 *       codepage-translate stage turns it into {@link Text}.</li>
 *   <li>{@link Text}: translated text, lines ending CRLF, in a charset the part is labelled with.</li>
 *   <li>{@link Binary}: octets no stage may change; sent base64 (RFC 2045 section 6.8).</li>
 * </ul>
 *
 * <p>When the part's Content-Transfer-Encoding is quoted-printable or base64 and the body is {@link Records} or
 * {@link Text}, the text is that encoded form (a hand-built MIME part passed through); the charset of the decoded
 * octets is then the one the Content-Type declares.
 *
 * @since 1.0.0
 */
public sealed interface PartBody {

    /**
     * Returns the content's length in its current form.
     *
     * @return the length in octets (for records, of the length-prefixed form)
     */
    long sizeOctets();

    /**
     * Untranslated text: records in the source CCSID.
     *
     * @param records the records
     */
    record Records(TextRecords records) implements PartBody {
        /**
         * Checks the components.
         *
         * @param records the records
         * @throws NullPointerException if {@code records} is null
         */
        public Records {
            java.util.Objects.requireNonNull(records, "records");
        }

        @Override
        public long sizeOctets() {
            return records.records().sizeOctets();
        }
    }

    /**
     * Translated text: octets in {@code charset}, each line ending CRLF.
     *
     * @param content the octets
     * @param charset the charset they are encoded in
     */
    record Text(ContentHandle content, Charset charset) implements PartBody {
        /**
         * Checks the components.
         *
         * @param content the octets
         * @param charset the charset they are encoded in
         * @throws NullPointerException if a component is null
         */
        public Text {
            java.util.Objects.requireNonNull(content, "content");
            java.util.Objects.requireNonNull(charset, "charset");
        }

        @Override
        public long sizeOctets() {
            return content.sizeOctets();
        }
    }

    /**
     * Binary content, never translated.
     *
     * @param content the octets
     */
    record Binary(ContentHandle content) implements PartBody {
        /**
         * Checks the components.
         *
         * @param content the octets
         * @throws NullPointerException if {@code content} is null
         */
        public Binary {
            java.util.Objects.requireNonNull(content, "content");
        }

        @Override
        public long sizeOctets() {
            return content.sizeOctets();
        }
    }
}
