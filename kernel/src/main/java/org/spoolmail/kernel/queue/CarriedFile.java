package org.spoolmail.kernel.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A file a deck named, captured with the submitter's rights when it was submitted: its octets travel inside the
 * spool item, after the input's own octets, in the order of the item's list. The spool server parses the item with
 * these octets only and never opens the path (see {@link CarriedInput}).
 *
 * @param name the path as the deck writes it (symbols substituted): what the deck's statement asks for
 * @param path the absolute path it resolved to at submission, for messages and as the default attachment name
 * @param octets its length in octets
 * @param sha256 the SHA-256 of its octets, 64 lower-case hex digits, checked when the server takes the drop in
 */
public record CarriedFile(String name, String path, long octets, String sha256) {

    /** Checks the components. */
    public CarriedFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        if (octets < 0 || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("carried file " + name + ": bad length " + octets + " or sha256 '"
                    + sha256 + "'");
        }
    }

    /** The lines {@link #write} adds, as help and error texts name them. */
    static final String KEYS = "file.N[.path|.octets|.sha256]";

    private static final java.util.regex.Pattern KEY =
            java.util.regex.Pattern.compile("file\\.[1-9]\\d{0,3}(\\.path|\\.octets|\\.sha256)?");

    /**
     * @param key a header's or state file's key
     * @return true when it is one of the lines {@link #write} adds (N from 1 to 9999)
     */
    static boolean isKey(String key) {
        return KEY.matcher(key).matches();
    }

    /** Adds the {@code file.N}, {@code file.N.path}, {@code file.N.octets}, {@code file.N.sha256} lines (N from 1). */
    static void write(List<CarriedFile> files, List<Map.Entry<String, String>> lines) {
        for (int i = 0; i < files.size(); i++) {
            CarriedFile f = files.get(i);
            String key = "file." + (i + 1);
            lines.add(Map.entry(key, f.name()));
            lines.add(Map.entry(key + ".path", f.path()));
            lines.add(Map.entry(key + ".octets", Long.toString(f.octets())));
            lines.add(Map.entry(key + ".sha256", f.sha256()));
        }
    }

    /**
     * @param values a header's or state file's values
     * @return the files they list, in order
     * @throws IllegalArgumentException if a file's line is missing or malformed
     */
    static List<CarriedFile> read(Map<String, String> values) {
        List<CarriedFile> files = new ArrayList<>();
        for (int i = 1; values.containsKey("file." + i); i++) {
            String key = "file." + i;
            for (String part : List.of(".path", ".octets", ".sha256")) {
                if (!values.containsKey(key + part)) {
                    throw new IllegalArgumentException("carried file " + i + " lacks '" + key + part + "'");
                }
            }
            long octets;
            try {
                octets = Long.parseLong(values.get(key + ".octets"));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("carried file " + i + ": '" + values.get(key + ".octets")
                        + "' is not a length in octets", e);
            }
            files.add(new CarriedFile(values.get(key), values.get(key + ".path"), octets,
                    values.get(key + ".sha256")));
        }
        return files;
    }

    /**
     * @param files carried files
     * @return their octets together
     */
    public static long total(List<CarriedFile> files) {
        return files.stream().mapToLong(CarriedFile::octets).sum();
    }
}
