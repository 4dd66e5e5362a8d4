package org.spoolmail.kernel.cli;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.spoolmail.exits.mail.Ccsid;
import org.spoolmail.kernel.pipeline.ConditionCodes;

/**
 * {@code spoolmail codepages}: lists every single-byte EBCDIC CCSID this Java runtime provides, with its charset
 * name, the character at x'7C' (what a job types for '@' in CCSID 37) and the octet of '@'. A site whose x'7C' is
 * not '@' sets the parser's {@code at-sign} to that character.
 */
final class CodepagesCommand extends ParsedCommand {

    private static final Pattern IBM_NAME = Pattern.compile("(?:x-)?IBM0*(\\d{2,5})");


    CodepagesCommand(Console console) {
        super(console);
    }

    @Override
    public String name() {
        return "codepages";
    }

    @Override
    public String synopsis() {
        return "";
    }

    @Override
    public String summary() {
        return "list the single-byte EBCDIC CCSIDs with what x'7C' and '@' are in each";
    }

    @Override
    public Options options() {
        return new Options().addOption(CommonOptions.help());
    }

    @Override
    int run(CommandLine line) {
        if (!line.getArgList().isEmpty()) {
            return usageError("no arguments expected, got " + line.getArgList());
        }
        console.out.println("CCSID  charset    x'7C'  '@'");
        for (Ccsid ccsid : ebcdicCcsids().values()) {
            console.out.printf("%5d  %-9s  %-5s  %s%n", ccsid.number(), ccsid.charset().name(),
                    "'" + new String(new byte[] {0x7C}, ccsid.charset()) + "'", atSign(ccsid.charset()));
        }
        return ConditionCodes.OK;
    }

    /** @return the single-byte EBCDIC CCSIDs of this runtime, by number */
    static Map<Integer, Ccsid> ebcdicCcsids() {
        Map<Integer, Ccsid> found = new TreeMap<>();
        for (String name : Charset.availableCharsets().keySet()) {
            Matcher m = IBM_NAME.matcher(name);
            if (!m.matches()) {
                continue;
            }
            try {
                Ccsid ccsid = Ccsid.of(Integer.parseInt(m.group(1)));
                if (ccsid.isEbcdic() && ccsid.isSingleByte()) {
                    found.put(ccsid.number(), ccsid);
                }
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // a name this runtime lists but cannot encode with: not offered
            }
        }
        return found;
    }

    private static String atSign(Charset charset) {
        CharsetEncoder encoder = charset.newEncoder();
        if (!encoder.canEncode('@')) {
            return "none";
        }
        return String.format("x'%02X'", "@".getBytes(charset)[0] & 0xFF);
    }
}
