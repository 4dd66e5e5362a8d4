package org.spoolmail.kernel.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.spoolmail.exits.mail.ContentHandle;
import org.spoolmail.kernel.text.IoReason;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads YAML into maps, lists and strings only, refusing what has bitten real tools: tags (global ones instantiate
 * classes, CVE-2022-1471; {@code !!int 01141} is octal 609), duplicate keys that silently overwrite, and YAML 1.1
 * implicit types that read {@code NO} as false and {@code 01141} as octal 609. Every scalar stays text; each config
 * key converts its own value. The file is read whole, bounded in size, and parsed in linear time.
 */
final class SafeYaml {

    /** The largest pipeline file, in octets: a reference pipeline is about 5 KiB. */
    static final int MAX_OCTETS = 1 << 20;

    private SafeYaml() {
    }

    /**
     * Loads one YAML document.
     *
     * @param file the file, named in every error
     * @return the document: maps, lists and strings; null for an empty document
     * @throws ConfigException with file, line and column (and YAML path where there is one) when the file cannot be
     *     read, is larger than {@link #MAX_OCTETS}, is not UTF-8, or is not acceptable YAML
     */
    static Object load(Path file) throws ConfigException {
        return load(file, MAX_OCTETS);
    }

    /** As {@link #load(Path)} with another size limit in octets, so tests can measure large inputs. */
    static Object load(Path file, int maxOctets) throws ConfigException {
        return parse(text(file, maxOctets), file, maxOctets);
    }

    /**
     * Loads one YAML document given as text, as {@link #load(Path)} loads a file.
     *
     * @param text the document
     * @param source what it stands for, named in every error
     * @return the document: maps, lists and strings; null for an empty document
     * @throws ConfigException with source, line and column (and YAML path where there is one) when the text is
     *     larger than {@link #MAX_OCTETS} in UTF-8 or is not acceptable YAML
     */
    static Object load(String text, Path source) throws ConfigException {
        if (text.length() > MAX_OCTETS || text.getBytes(StandardCharsets.UTF_8).length > MAX_OCTETS) {
            throw new ConfigException(source + ": is larger than " + MAX_OCTETS + " octets, more than a pipeline"
                    + " needs: refused unread");
        }
        return parse(text, source, MAX_OCTETS);
    }

    private static Object parse(String text, Path file, int maxOctets) throws ConfigException {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(20);
        options.setCodePointLimit(maxOctets);
        // Global tags pass the composer only so that YamlTree refuses them with their YAML path, like every other
        // tag: nothing here constructs an object from a tag, so none can instantiate a class (CVE-2022-1471).
        options.setTagInspector(tag -> true);
        try {
            TaggedEvents events = new TaggedEvents(new ParserImpl(new WholeTextReader(text), options));
            return new YamlTree(file.toString(), events)
                    .values(new Composer(events, new TextOnlyResolver(), options).getSingleNode());
        } catch (MarkedYAMLException e) {
            String where = e.getProblemMark() == null ? "" : " line " + (e.getProblemMark().getLine() + 1)
                    + ", column " + (e.getProblemMark().getColumn() + 1);
            throw new ConfigException(file + where + ": " + e.getProblem()
                    + (e.getContext() == null ? "" : " (" + e.getContext() + ")"));
        } catch (YAMLException e) {
            throw new ConfigException(file + " " + e.getMessage());
        }
    }

    /** The file as text: read up to one octet past the limit, so a huge file costs no more than the limit. */
    private static String text(Path file, int maxOctets) throws ConfigException {
        if (Files.isDirectory(file)) {
            throw new ConfigException("cannot read pipeline file " + file + ": is a folder");
        }
        byte[] octets;
        // Opened only when regular: a FIFO named as the pipeline file would stall start-up.
        try (InputStream in = ContentHandle.openRegular(file)) {
            octets = in.readNBytes(maxOctets + 1);
        } catch (NoSuchFileException e) {
            boolean relative = !file.isAbsolute();
            throw new ConfigException("no pipeline file " + file + (relative ? " in "
                    + Path.of("").toAbsolutePath() : "") + ": name one with -c FILE or $SPOOLMAIL_CONFIG");
        } catch (IOException e) {
            throw new ConfigException("cannot read pipeline file " + file + ": " + IoReason.of(e));
        }
        if (octets.length > maxOctets) {
            throw new ConfigException(file + ": is larger than " + maxOctets + " octets, more than a pipeline file"
                    + " needs: refused unread");
        }
        ByteBuffer in = ByteBuffer.wrap(octets);
        CharBuffer out = CharBuffer.allocate(octets.length);
        CoderResult result = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                line += octets[i] == '\n' ? 1 : 0;
            }
            throw new ConfigException(file + " line " + line + ": octet " + (in.position() + 1) + " is not UTF-8:"
                    + " write pipeline files in UTF-8");
        }
        return out.flip().toString();
    }

    /** Resolves no implicit types: every plain scalar is a string, so the schema decides what it means. */
    private static final class TextOnlyResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            // deliberately none
        }
    }
}
