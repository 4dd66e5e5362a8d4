package org.spoolmail.plugins.audit.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class JsonWriterTest {

    @Test
    void valueShouldEscapeQuoteBackslashAndControlCharactersWhenWritingText() {
        String json = new JsonWriter().value("say \"hi\" C:\\temp\n\r\t\u0000\u001F").toString();

        assertEquals("\"say \\\"hi\\\" C:\\\\temp\\u000A\\u000D\\u0009\\u0000\\u001F\"", json);
    }

    @Test
    void valueShouldEscapeLineSeparatorsDelAndC1ControlsWhenWritingText() {
        String json = new JsonWriter().value("a\u2028b\u2029c\u0085d\u007Fe\u009Ff").toString();

        assertEquals("\"a\\u2028b\\u2029c\\u0085d\\u007Fe\\u009Ff\"", json);
    }

    @Test
    void valueShouldKeepNonAsciiCharactersWhenWritingText() {
        String json = new JsonWriter().value("Lohnbüro – € 😀 日本").toString();

        assertEquals("\"Lohnbüro – € 😀 日本\"", json);
    }

    @Test
    void valueShouldEscapeUnpairedSurrogatesWhenWritingText() {
        String json = new JsonWriter().value("x\uD800y\uDC00z\uD83D").toString();

        assertEquals("\"x\\uD800y\\uDC00z\\uD83D\"", json);
    }

    @Test
    void writerShouldPlaceCommasWhenNestingObjectsAndArrays() {
        JsonWriter json = new JsonWriter().beginObject()
                .name("a").beginArray().value(1).value(true).nullValue()
                .beginObject().name("b").value("c").endObject().beginArray().endArray().endArray()
                .name("d").beginObject().endObject()
                .name("e").value(Optional.empty())
                .name("f").value(Optional.of("g"))
                .endObject();

        assertEquals("{\"a\":[1,true,null,{\"b\":\"c\"},[]],\"d\":{},\"e\":null,\"f\":\"g\"}", json.toString());
    }

    @Test
    void nameShouldBeEscapedWhenItHoldsQuotes() {
        assertEquals("{\"a\\\"b\":false}", new JsonWriter().beginObject().name("a\"b").value(false).endObject()
                .toString());
    }
}
