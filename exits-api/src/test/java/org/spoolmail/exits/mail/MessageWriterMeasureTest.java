package org.spoolmail.exits.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

class MessageWriterMeasureTest {

    private static final WireOptions EIGHT_BIT = new WireOptions(true, false);
    private static final int[] SIZES = {0, 1, 2, 3, 56, 57, 58, 113, 114, 115, 1000, 100_000,
        Base64Blocks.BLOCK_INPUT - 1, Base64Blocks.BLOCK_INPUT, Base64Blocks.BLOCK_INPUT + 1,
        2 * Base64Blocks.BLOCK_INPUT + 56};

    private static MimePart binary(byte[] data) {
        return MimePart.leaf(ContentType.OCTET_STREAM, Optional.empty(), new PartBody.Binary(new Unreadable(data)));
    }

    private static MimePart text(String text) {
        return MimePart.leaf(ContentType.parse("text/plain"), Optional.empty(),
                new PartBody.Text(ContentHandle.ofBytes(text.getBytes(StandardCharsets.UTF_8)),
                        StandardCharsets.UTF_8));
    }

    private static MailContent message(MimePart root) {
        return new MailContent(HeaderSection.EMPTY.with("From", "sender@example.org").with("Subject", "measure"), root);
    }

    private static void assertMeasureMatchesWrite(MailContent content, WireOptions options) throws IOException {
        byte[] wire = WireBytes.write(content, options);
        boolean high = false;
        for (byte b : wire) {
            high |= (b & 0x80) != 0;
        }

        WireSize size = MessageWriter.measure(content, options);

        assertEquals(new WireSize(wire.length, high), size);
    }

    @Test
    void measureShouldGiveTheWrittenOctetsWhenBinaryRootOfManySizes() throws IOException {
        Random random = new Random(11);
        for (int n : SIZES) {
            byte[] data = new byte[n];
            random.nextBytes(data);
            MailContent content = message(binary(data));

            assertMeasureMatchesWrite(content, WireOptions.SEVEN_BIT);
            assertMeasureMatchesWrite(content, EIGHT_BIT);
        }
    }

    @Test
    void measureShouldGiveTheWrittenOctetsAndEightBitWhenMultipartOfTextAndBinary() throws IOException {
        Random random = new Random(12);
        for (int n : SIZES) {
            byte[] data = new byte[n];
            random.nextBytes(data);
            MailContent content = message(MimePart.multipart(ContentType.parse("multipart/mixed"),
                    List.of(text("Grüße, see the attachment.\n"), binary(data), binary(new byte[] {1, 2, 3}))));

            assertMeasureMatchesWrite(content, WireOptions.SEVEN_BIT);
            assertMeasureMatchesWrite(content, EIGHT_BIT);
            assertTrue(MessageWriter.measure(content, EIGHT_BIT).eightBit(), "8bit text part under 8BITMIME");
            assertFalse(MessageWriter.measure(content, WireOptions.SEVEN_BIT).eightBit(), "all 7-bit without");
        }
    }

    @Test
    void measureShouldNotReadBinaryContentWhenCounting() throws IOException {
        MailContent content = message(binary(new byte[1000]));

        WireSize size = MessageWriter.measure(content, WireOptions.SEVEN_BIT);

        assertEquals(WireBytes.write(content, WireOptions.SEVEN_BIT).length, size.octets());
        assertEquals(1, ((Unreadable) content.root().body().map(b -> ((PartBody.Binary) b).content())
                .orElseThrow()).opened, "opened by write only");
    }

    @Test
    void measureShouldRefuseWhenPartNotTranslated() throws IOException {
        TextRecords lines = TextRecords.ofLines(Ccsid.ISO_8859_1, List.of("hello"));
        MimePart records = MimePart.leaf(ContentType.TEXT_PLAIN, Optional.empty(), new PartBody.Records(lines));

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> MessageWriter.measure(message(records), WireOptions.SEVEN_BIT));

        assertEquals("part not translated: part 1 (text/plain) still holds records in their source CCSID",
                e.getMessage());
    }

    /** Bytes that count how often they were opened. */
    private static final class Unreadable implements ContentHandle {
        private final byte[] data;
        private int opened;

        Unreadable(byte[] data) {
            this.data = data;
        }

        @Override
        public InputStream open() throws IOException {
            opened++;
            return ContentHandle.ofBytes(data).open();
        }

        @Override
        public long sizeOctets() {
            return data.length;
        }
    }
}
