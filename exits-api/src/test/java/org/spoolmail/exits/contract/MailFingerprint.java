package org.spoolmail.exits.contract;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.spoolmail.exits.mail.Attributes;
import org.spoolmail.exits.mail.ContentHandle;
import org.spoolmail.exits.mail.Envelope;
import org.spoolmail.exits.mail.HeaderSection;
import org.spoolmail.exits.mail.Identity;
import org.spoolmail.exits.mail.MailObject;
import org.spoolmail.exits.mail.MimePart;
import org.spoolmail.exits.mail.PartBody;
import org.spoolmail.exits.mail.TraceEntry;

/**
 * A mail object as the contracts compare it: everything but its id and multipart boundaries (a parser may draw
 * both at random), with each part body as its kind, CCSID or charset, record count and the sha256 of its octets,
 * since content handles have no equality.
 *
 * @param envelope the envelope
 * @param headers the message header section
 * @param parts the MIME tree, one line per part: type, encoding, part header fields, body
 * @param identity the submitter
 * @param attributes the attributes
 * @param trace the trace
 */
record MailFingerprint(Envelope envelope, HeaderSection headers, List<String> parts, Identity identity,
        Attributes attributes, List<TraceEntry> trace) {

    /**
     * @param mail the mail objects, none null
     * @return their fingerprints in order
     * @throws IOException if a body cannot be read
     */
    static List<MailFingerprint> of(List<MailObject> mail) throws IOException {
        List<MailFingerprint> prints = new ArrayList<>();
        for (MailObject m : mail) {
            List<String> parts = new ArrayList<>();
            describe(m.content().root(), "", parts);
            prints.add(new MailFingerprint(m.envelope(), m.content().headers(), parts, m.identity(), m.attributes(),
                    m.trace()));
        }
        return prints;
    }

    private static void describe(MimePart part, String indent, List<String> out) throws IOException {
        String body = "";
        if (part.body().isPresent()) {
            body = body(part.body().get());
        }
        Map<String, String> parameters = new TreeMap<>(part.contentType().parameters());
        if (part.contentType().isMultipart()) {
            parameters.remove("boundary");
        }
        out.add(indent + part.contentType().mediaType() + " " + parameters + " " + part.transferEncoding() + " "
                + part.headers() + " " + body);
        for (MimePart child : part.children()) {
            describe(child, indent + "  ", out);
        }
    }

    private static String body(PartBody body) throws IOException {
        if (body instanceof PartBody.Records r) {
            return "records " + r.records().ccsid() + " x" + r.records().recordCount() + " "
                    + sha256(r.records().records());
        }
        if (body instanceof PartBody.Text t) {
            return "text " + t.charset() + " " + sha256(t.content());
        }
        return "binary " + sha256(((PartBody.Binary) body).content());
    }

    private static String sha256(ContentHandle content) throws IOException {
        try (InputStream in = content.open()) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
