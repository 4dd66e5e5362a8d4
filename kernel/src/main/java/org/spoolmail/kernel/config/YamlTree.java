package org.spoolmail.kernel.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Turns composed YAML nodes into maps, lists and strings, refusing with line, column and YAML path what a pipeline
 * file must not hold: any explicit tag ({@code !!int 01141} would be octal 609, {@code !!bool yes} true, a global tag
 * a class), a key written twice (YAML's default is that the last one silently wins), a key that is not text, and an
 * alias that contains itself. Every problem of the file is collected, so the user sees them all at once.
 */
final class YamlTree {

    private final String file;
    private final TaggedEvents tags;
    private final List<String> problems = new ArrayList<>();
    private final Set<Node> open = Collections.newSetFromMap(new IdentityHashMap<>());

    YamlTree(String file, TaggedEvents tags) {
        this.file = file;
        this.tags = tags;
    }

    /**
     * @param root the document's node, or null for an empty document
     * @return maps (in file order), lists and strings; null for an empty document
     * @throws ConfigException listing every problem, each as {@code file line L, column C: path: problem}
     */
    Object values(Node root) throws ConfigException {
        Object values = root == null ? null : value(root, "");
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return values;
    }

    private Object value(Node node, String path) {
        tags.explicitTag(node).ifPresent(tag -> problem(node.getStartMark(), path, "the explicit tag " + tag
                + " is refused: every value is read as text and each key converts its own (write 01141, not"
                + " !!int 01141)"));
        if (!open.add(node)) {
            problem(node.getStartMark(), path, "an alias that contains itself is refused");
            return null;
        }
        try {
            if (node instanceof MappingNode m) {
                return mapping(m, path);
            }
            if (node instanceof SequenceNode s) {
                List<Object> list = new ArrayList<>();
                for (int i = 0; i < s.getValue().size(); i++) {
                    list.add(value(s.getValue().get(i), path + "[" + i + "]"));
                }
                return list;
            }
            return ((ScalarNode) node).getValue();
        } finally {
            open.remove(node);
        }
    }

    private Map<String, Object> mapping(MappingNode node, String path) {
        Map<String, Object> map = new LinkedHashMap<>();
        Map<String, Mark> firsts = new LinkedHashMap<>();
        for (NodeTuple tuple : node.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode scalar)) {
                problem(keyNode.getStartMark(), path.isEmpty() ? "(document)" : path,
                        "a key must be text, not a " + (keyNode instanceof MappingNode ? "mapping" : "list"));
                continue;
            }
            String key = scalar.getValue();
            String keyPath = path.isEmpty() ? key : path + "." + key;
            tags.explicitTag(keyNode).ifPresent(tag -> problem(keyNode.getStartMark(), keyPath, "the explicit tag "
                    + tag + " is refused on a key"));
            Mark first = firsts.putIfAbsent(key, keyNode.getStartMark());
            if (first != null) {
                problem(keyNode.getStartMark(), keyPath, "duplicate key '" + key + "' (first at line "
                        + (first.getLine() + 1) + ", column " + (first.getColumn() + 1) + "): write each key once");
                continue;
            }
            map.put(key, value(tuple.getValueNode(), keyPath));
        }
        return map;
    }

    private void problem(Mark mark, String path, String problem) {
        problems.add(file + " line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": "
                + (path.isEmpty() ? "(document)" : path) + ": " + problem);
    }
}
