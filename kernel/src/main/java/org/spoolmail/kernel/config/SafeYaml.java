package org.spoolmail.kernel.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.spoolmail.exits.mail.ContentHandle;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads YAML into maps, lists and strings only, refusing what has bitten real tools: global tags that instantiate
 * classes (CVE-2022-1471), duplicate keys that silently overwrite, and YAML 1.1 implicit types that read {@code NO}
 * as false and {@code 01141} as octal 609. Every plain scalar stays text; each config key converts its own value.
 */
final class SafeYaml {

    private SafeYaml() {
    }

    /**
     * Loads one YAML document.
     *
     * @param file the file, named in every error
     * @return the document: maps, lists and strings; null for an empty document
     * @throws ConfigException with file, line and column when the file cannot be read or is not acceptable YAML
     */
    static Object load(Path file) throws ConfigException {
        if (Files.isDirectory(file)) {
            throw new ConfigException("cannot read pipeline file " + file + ": is a folder");
        }
        try (InputStream in = ContentHandle.openRegular(file);
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return load(reader, file);
        } catch (NoSuchFileException e) {
            boolean relative = !file.isAbsolute();
            throw new ConfigException("no pipeline file " + file + (relative ? " in "
                    + Path.of("").toAbsolutePath() : "") + ": name one with -c FILE or $SPOOLMAIL_CONFIG");
        } catch (IOException e) {
            String reason = e instanceof AccessDeniedException
                    ? "permission denied" : e instanceof FileSystemException f && f.getReason() != null
                    ? f.getReason() : String.valueOf(e.getMessage());
            throw new ConfigException("cannot read pipeline file " + file + ": " + reason);
        }
    }

    /**
     * Loads one YAML document given as text, as {@link #load(Path)} loads a file.
     *
     * @param text the document
     * @param source what it stands for, named in every error
     * @return the document: maps, lists and strings; null for an empty document
     * @throws ConfigException with source, line and column when the text is not acceptable YAML
     */
    static Object load(String text, Path source) throws ConfigException {
        return load(new java.io.StringReader(text), source);
    }

    private static Object load(Reader reader, Path source) throws ConfigException {
        try {
            return yaml().load(reader);
        } catch (MarkedYAMLException e) {
            String where = e.getProblemMark() == null ? "" : " line " + (e.getProblemMark().getLine() + 1)
                    + ", column " + (e.getProblemMark().getColumn() + 1);
            throw new ConfigException(source + where + ": " + e.getProblem()
                    + (e.getContext() == null ? "" : " (" + e.getContext() + ")"));
        } catch (YAMLException e) {
            throw new ConfigException(source + ": " + e.getMessage());
        }
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(20);
        options.setCodePointLimit(1 << 20);
        options.setTagInspector(tag -> false);
        return new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(),
                options, new TextOnlyResolver());
    }

    /** Resolves no implicit types: every plain scalar is a string, so the schema decides what it means. */
    private static final class TextOnlyResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            // deliberately none
        }
    }
}
