package org.spoolmail.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A configuration map as YAML flow text for the harness's pipeline: every scalar double-quoted (the kernel reads all
 * values as text and each config key converts its own, so {@code "01141"} stays CCSID 1141), lists as
 * {@code [...]}, maps as <code>{...}</code>.
 */
final class FlowYaml {

    private FlowYaml() {
    }

    static String of(Object value) {
        if (value instanceof Map<?, ?> map) {
            List<String> entries = new ArrayList<>();
            map.forEach((k, v) -> entries.add(scalar(String.valueOf(k)) + ": " + of(v)));
            return "{" + String.join(", ", entries) + "}";
        }
        if (value instanceof List<?> list) {
            return "[" + String.join(", ", list.stream().map(FlowYaml::of).toList()) + "]";
        }
        return scalar(String.valueOf(value));
    }

    private static String scalar(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                default -> quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
