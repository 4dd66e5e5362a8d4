package org.spoolmail.kernel.cli;

import java.io.Writer;

import org.spoolmail.kernel.text.DisplayText;

/**
 * A PrintWriter that escapes, with {@link DisplayText#escape}, everything it is given to print, so that no text
 * from input (a subject, an address quoted in an error, a file name, a relay's reply) can send a terminal control
 * sequence or forge a line. Only the line ends the CLI itself writes pass: {@code println()} (which writes to the
 * underlying writer directly) and {@code printf}'s {@code %n} (which the Formatter appends on its own).
 */
final class TerminalWriter extends java.io.PrintWriter {

    private static final String LINE_END = System.lineSeparator();

    TerminalWriter(Writer out) {
        super(out, true);
    }

    @Override
    public void write(String s, int off, int len) {
        String text = s.substring(off, off + len);
        String shown = text.equals(LINE_END) ? text : DisplayText.escape(text);
        super.write(shown, 0, shown.length());
    }

    @Override
    public void write(char[] buf, int off, int len) {
        write(new String(buf, off, len), 0, len);
    }

    @Override
    public void write(int c) {
        write(String.valueOf((char) c), 0, 1);
    }
}
