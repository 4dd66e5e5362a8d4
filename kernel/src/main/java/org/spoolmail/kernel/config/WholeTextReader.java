package org.spoolmail.kernel.config;

import java.io.StringReader;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.scanner.Constant;

/**
 * SnakeYAML's reader over a text already in memory, in linear time. SnakeYAML's own {@link StreamReader} reads 1,024
 * characters at a time and copies its whole window of unconsumed characters on each read; the scanner consumes a
 * comment, a plain scalar or a block scalar line only once it has peeked to its end, so one line of n characters
 * costs n * n / 1024 copies (a 10 MB comment line took 30 s). Here the code points are decoded once and peeking is
 * an array access. Positions, marks, line breaks and the refusal of non-printable characters are SnakeYAML's.
 */
final class WholeTextReader extends StreamReader {

    private static final String NAME = "'reader'";

    private final int[] codePoints;
    private int pointer;
    private int documentIndex;
    private int line;
    private int column;

    /**
     * @param text the whole document
     * @throws ReaderException at the first character YAML does not allow (a control character, say), its message
     *     naming line and column
     */
    WholeTextReader(String text) {
        super(new StringReader(""));
        this.codePoints = text.codePoints().toArray();
        for (int i = 0, lineStart = 0, lines = 1; i < codePoints.length; i++) {
            if (!isPrintable(codePoints[i])) {
                throw new ReaderException(NAME, i, codePoints[i], String.format("line %d, column %d: character"
                        + " U+%04X is not allowed in YAML", lines, i - lineStart + 1, codePoints[i]));
            }
            if (codePoints[i] == '\n') {
                lines++;
                lineStart = i + 1;
            }
        }
    }

    @Override
    public Mark getMark() {
        return new Mark(NAME, pointer, line, column, codePoints, pointer);
    }

    @Override
    public void forward() {
        forward(1);
    }

    @Override
    public void forward(int length) {
        for (int i = 0; i < length && pointer < codePoints.length; i++) {
            int c = codePoints[pointer++];
            documentIndex++;
            if (Constant.LINEBR.has(c) || c == '\r' && pointer < codePoints.length && codePoints[pointer] != '\n') {
                line++;
                column = 0;
            } else if (c != 0xFEFF) {
                column++;
            }
        }
    }

    @Override
    public int peek() {
        return peek(0);
    }

    @Override
    public int peek(int index) {
        return pointer + index < codePoints.length ? codePoints[pointer + index] : '\0';
    }

    @Override
    public String prefix(int length) {
        return new String(codePoints, pointer, Math.min(length, codePoints.length - pointer));
    }

    @Override
    public String prefixForward(int length) {
        String prefix = prefix(length);
        pointer += length; // as SnakeYAML: a prefix never holds a line break
        documentIndex += length;
        column += length;
        return prefix;
    }

    @Override
    public int getColumn() {
        return column;
    }

    @Override
    public int getDocumentIndex() {
        return documentIndex;
    }

    @Override
    public void resetDocumentIndex() {
        documentIndex = 0;
    }

    @Override
    public int getIndex() {
        return pointer;
    }

    @Override
    public int getLine() {
        return line;
    }
}
