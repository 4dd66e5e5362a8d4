package org.spoolmail.kernel.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeYamlTest {

    private static final String PIPELINE = "pipeline:\n  - stage: parse\n    use: smtp-datastream\n";

    @TempDir
    Path dir;

    @Test
    void loadShouldRefuseEveryExplicitTagWithItsYamlPathLineAndColumn() throws Exception {
        Path file = write("version: 1\ninput: {ccsid: !!int 01141}\npipeline:\n  - stage: parse\n"
                + "    use: smtp-datastream\n    config: {x: !!int 0x10, y: !!bool yes, z: !local a, w: ! b}\n");

        ConfigException e = assertThrows(ConfigException.class, () -> SafeYaml.load(file));

        String refused = " is refused: every value is read as text and each key converts its own (write 01141, not"
                + " !!int 01141)";
        assertEquals(List.of(
                file + " line 2, column 16: input.ccsid: the explicit tag !!int" + refused,
                file + " line 6, column 17: pipeline[0].config.x: the explicit tag !!int" + refused,
                file + " line 6, column 32: pipeline[0].config.y: the explicit tag !!bool" + refused,
                file + " line 6, column 47: pipeline[0].config.z: the explicit tag !local" + refused,
                file + " line 6, column 60: pipeline[0].config.w: the explicit tag !" + refused), e.problems());
    }

    @Test
    void loadShouldRefuseATagOnAKeyAndAGlobalTagNamingTheirPaths() throws Exception {
        Path file = write("!!str version: 1\npipeline: !!javax.script.ScriptEngineManager [a]\n");

        ConfigException e = assertThrows(ConfigException.class, () -> SafeYaml.load(file));

        assertEquals(List.of(file + " line 1, column 1: version: the explicit tag !!str is refused on a key",
                file + " line 2, column 11: pipeline: the explicit tag !!javax.script.ScriptEngineManager is refused:"
                        + " every value is read as text and each key converts its own (write 01141, not !!int 01141)"),
                e.problems());
    }

    @Test
    void loadShouldNameTheYamlPathAndBothPlacesOfEveryDuplicateKey() throws Exception {
        Path file = write("version: 1\nversion: 2\n" + PIPELINE + "    config: {a: x, b: y, a: z}\n");

        ConfigException e = assertThrows(ConfigException.class, () -> SafeYaml.load(file));

        assertEquals(List.of(
                file + " line 2, column 1: version: duplicate key 'version' (first at line 1, column 1): write each"
                        + " key once",
                file + " line 6, column 26: pipeline[0].config.a: duplicate key 'a' (first at line 6, column 14):"
                        + " write each key once"), e.problems());
    }

    @Test
    void loadShouldKeepEveryScalarAsTextInFileOrder() throws Exception {
        Path file = write("version: 1\ninput: {ccsid: 01141, records: fb:80}\nflags: [NO, off, yes, 0x10, ~, '']\n");

        Object document = SafeYaml.load(file);

        assertEquals(Map.of("version", "1", "input", Map.of("ccsid", "01141", "records", "fb:80"),
                "flags", List.of("NO", "off", "yes", "0x10", "~", "")), document);
        assertEquals(List.of("version", "input", "flags"), List.copyOf(((Map<?, ?>) document).keySet()));
    }

    @Test
    void loadShouldRefuseAnAliasThatContainsItself() throws Exception {
        Path file = write("version: 1\nloop: &a [x, *a]\n");

        ConfigException e = assertThrows(ConfigException.class, () -> SafeYaml.load(file));

        assertEquals(List.of(file + " line 2, column 7: loop[1]: an alias that contains itself is refused"),
                e.problems());
    }

    @Test
    void loadShouldNameTheLineOfAnOctetThatIsNotUtf8InsteadOfReadingAReplacement() throws Exception {
        Path file = dir.resolve("pipeline.yaml");
        Files.write(file, "version: 1\n# caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

        ConfigException e = assertThrows(ConfigException.class, () -> SafeYaml.load(file));

        assertEquals(List.of(file + " line 2: octet 17 is not UTF-8: write pipeline files in UTF-8"), e.problems());
    }

    @Test
    void loadShouldNameLineAndColumnOfAControlCharacter() throws Exception {
        Path file = write("version: 1\nhold: a\u0007b\n");

        ConfigException e = assertThrows(ConfigException.class, () -> SafeYaml.load(file));

        assertEquals(List.of(file + " line 2, column 8: character U+0007 is not allowed in YAML"), e.problems());
    }

    @Test
    void loadShouldRefuseA10MbCommentLineUnreadInsteadOfParsingItForHalfAMinute() throws Exception {
        Path file = write("version: 1\n# " + "x".repeat(10_000_000) + "\n" + PIPELINE);

        ConfigException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(ConfigException.class, () -> SafeYaml.load(file)));

        assertEquals(List.of(file + ": is larger than 1048576 octets, more than a pipeline file needs: refused unread"),
                e.problems());
    }

    @Test
    void loadShouldReadAn8MebibyteCommentLineInSecondsNotMinutes() throws Exception {
        Path large = write("large.yaml", "version: 1\n# " + "x".repeat(8 << 20) + "\n" + PIPELINE);

        // SnakeYAML's own reader copies its window per 1,024 characters: about 20 s here for this line (and 32 s
        // for 10 MB), where reading it once takes well under a second; the bound is generous for a busy machine.
        long nanos = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> fastest(large, 16 << 20));

        assertTrue(nanos < 8_000_000_000L, "8 MiB comment line took " + nanos / 1_000_000 + " ms");
    }

    @Test
    void loadShouldReadAOneMebibyteCommentLineWithinTheLimit() throws Exception {
        Path file = write("version: 1\n# " + "x".repeat((1 << 20) - 100) + "\n" + PIPELINE);

        Object document = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> SafeYaml.load(file));

        assertEquals("1", ((Map<?, ?>) document).get("version"));
    }

    /** The shortest of three loads, in nanoseconds, so a busy machine's pauses count less. */
    private static long fastest(Path file, int limit) throws ConfigException {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            SafeYaml.load(file, limit);
            best = Math.min(best, System.nanoTime() - start);
        }
        return Math.max(best, 1);
    }

    private Path write(String yaml) throws IOException {
        return write("pipeline.yaml", yaml);
    }

    private Path write(String name, String yaml) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }
}
