package org.spoolmail.kernel.cli;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** SMTP datastreams as a batch job writes them (LF lines, UTF-8), and the values the tests expect back. */
final class Datastreams {

    private Datastreams() {
    }

    /** @return HELO, MAIL FROM:&lt;batch@example.com&gt;, one RCPT, DATA, the data dot-stuffed, "." and QUIT */
    static String transaction(String rcpt, String data) {
        StringBuilder b = new StringBuilder("HELO batch.example.com\nMAIL FROM:<batch@example.com>\nRCPT TO:<")
                .append(rcpt).append(">\nDATA\n");
        for (String line : data.split("\n", -1)) {
            b.append(line.startsWith(".") ? "." : "").append(line).append('\n');
        }
        b.setLength(b.length() - 1);
        return b.append(".\nQUIT\n").toString();
    }

    static String header(String name, String value) {
        return name + ": " + value + "\n";
    }

    /** @return the lines in UTF-8, each ended by CRLF: a text part's decoded octets */
    static byte[] crlf(List<String> lines) {
        return (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** @return a file name of exactly 200 characters, non-ASCII in Latin, Greek and Japanese, ending in ".bin" */
    static String attachmentName() {
        String repeated = "Überweisungsübersicht_Größe_Ελληνικά_日本語の添付ファイル_".repeat(10);
        return repeated.substring(0, 196) + ".bin";
    }

    /** @return a line of exactly 5,000 characters, non-ASCII among them, ending in a non-blank */
    static String longLine() {
        return "Zeile mit Überlänge – ça dépasse 998 octets, ελληνικά, 日本語; ".repeat(100).substring(0, 4999) + "!";
    }

    /** @return 4,096 octets: every value, and CR, LF and "." in the runs that smuggling and text handling break */
    static byte[] attachmentOctets() {
        byte[] octets = new byte[4096];
        for (int i = 0; i < octets.length; i++) {
            octets[i] = (byte) (i * 31 + i / 256);
        }
        byte[] runs = "\r\n.\r\n\n.\n\r.\r\u0000\u0015\u0025\u007c".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(runs, 0, octets, 100, runs.length);
        System.arraycopy(runs, 0, octets, 4096 - runs.length, runs.length);
        return octets;
    }

    /** @return the octets in base64 lines of 76 characters, each ended by LF */
    static String base64Lines(byte[] octets) {
        return Base64.getMimeEncoder(76, new byte[] {'\n'}).encodeToString(octets) + "\n";
    }
}
