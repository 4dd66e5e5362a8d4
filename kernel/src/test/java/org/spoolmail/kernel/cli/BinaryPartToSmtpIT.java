package org.spoolmail.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 3, "Must show" 3 for the datastream: the corpus's EBCDIC data files, put base64-encoded into a MIME part the
 * job built by hand, reach a real SMTP server (GreenMail) byte-identical, whether the datastream is ASCII or EBCDIC
 * (fixed or NL-delimited records): the attachment decoded from the received message has the corpus's sha256.
 */
class BinaryPartToSmtpIT {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} in CCSID {1}, records {2}")
    @CsvSource({
        "DTAR020.bin, 819, lf, a1d968393cb7a129093c9082b0abd2468856e5a8197f564c7ca1c5efd6153098",
        "DTAR020.bin, 1047, fb:80, a1d968393cb7a129093c9082b0abd2468856e5a8197f564c7ca1c5efd6153098",
        "custdat.bin, 819, lf, 80e747af351a611c03342a601faefbe685735bf3b71a177e20ec8ecee6dd7dc0",
        "custdat.bin, 37, nl, 80e747af351a611c03342a601faefbe685735bf3b71a177e20ec8ecee6dd7dc0"})
    void sendShouldDeliverTheFileByteIdenticalWhenAHandBuiltBase64PartCarriesIt(String file, int ccsid,
            String records, String sha256) throws Exception {
        byte[] octets;
        try (InputStream in = getClass().getResourceAsStream("/ebcdic/" + file)) {
            octets = in.readAllBytes();
        }
        Path input = dir.resolve("job." + ccsid);
        Files.write(input, layout(datastream(file, octets), ccsid, records));

        SpoolmailRun run = SpoolmailRun.send(PipelineFiles.write(dir, PipelineFiles.smtp(smtp.getSmtp().getPort()),
                ""), "--codepage", Integer.toString(ccsid), "--records", records, input.toString());

        assertEquals(0, run.code, run.toString());
        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(1, received.length);
        assertEquals("<batch@example.com>", received[0].getHeader("Return-Path")[0]);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        received[0].writeTo(wire);
        ParsedMail m = ParsedMail.of(wire.toByteArray());
        assertEquals("Extract " + file, m.subject());
        assertEquals(2, m.leaves().size());
        assertEquals("See the extract.\r\n", new String(m.leaves().get(0).octets(), StandardCharsets.UTF_8));
        assertEquals("application/octet-stream", m.leaves().get(1).mediaType());
        assertEquals(file, m.leaves().get(1).filename());
        assertEquals(octets.length, m.leaves().get(1).octets().length);
        assertEquals(sha256, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(m.leaves().get(1).octets())));
    }

    /** @return the datastream's lines: a multipart/mixed message whose second part is the file in base64 */
    private static List<String> datastream(String file, byte[] octets) {
        String text = "HELO MVSA\nMAIL FROM:<batch@example.com>\nRCPT TO:<ops@example.com>\nDATA\n"
                + "From: Batch <batch@example.com>\nTo: ops@example.com\nSubject: Extract " + file + "\n"
                + "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"B1\"\n\n--B1\n"
                + "Content-Type: text/plain\n\nSee the extract.\n--B1\n"
                + "Content-Type: application/octet-stream; name=\"" + file + "\"\n"
                + "Content-Transfer-Encoding: base64\nContent-Disposition: attachment; filename=\"" + file + "\"\n\n"
                + Datastreams.base64Lines(octets) + "--B1--\n.\nQUIT";
        return List.of(text.split("\n", -1));
    }

    /** @return the lines in the CCSID: LF-ended (ASCII), fixed 80-octet records or NL-ended (EBCDIC) */
    private static byte[] layout(List<String> lines, int ccsid, String records) throws Exception {
        if (records.equals("lf")) {
            return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.US_ASCII);
        }
        NationalCorpus.Layout layout = records.equals("nl") ? NationalCorpus.Layout.NL : NationalCorpus.Layout.FIXED;
        return NationalCorpus.encode(new ArrayList<>(lines), ccsid, layout, 80);
    }
}
