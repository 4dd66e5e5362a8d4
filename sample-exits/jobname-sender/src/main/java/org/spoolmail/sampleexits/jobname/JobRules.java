package org.spoolmail.sampleexits.jobname;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.spoolmail.exits.mail.AddressPattern;
import org.spoolmail.exits.mail.Mailbox;

/**
 * Reads the {@code rules} table of pipeline.yaml into {@link JobRule}s; each problem names the rule by its index,
 * as {@code rules[1]: send-as is missing}.
 */
final class JobRules {

    private static final Set<String> KEYS = Set.of("job", "send-as", "mode");

    private JobRules() {
    }

    /**
     * @param raw the loaded YAML: a list of mappings with job, send-as and optional mode
     * @return the rules in order
     * @throws IllegalArgumentException naming the rule and the reason
     */
    static List<JobRule> parse(Object raw) {
        if (!(raw instanceof List<?> list)) {
            throw new IllegalArgumentException("expected a list of rules, got " + describe(raw));
        }
        List<JobRule> rules = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            rules.add(rule(list.get(i), "rules[" + i + "]"));
        }
        return List.copyOf(rules);
    }

    private static JobRule rule(Object raw, String where) {
        if (!(raw instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(where + ": expected a mapping with job, send-as and mode, got "
                    + describe(raw));
        }
        for (Object key : map.keySet()) {
            if (!KEYS.contains(String.valueOf(key))) {
                throw new IllegalArgumentException(where + ": unknown key '" + key + "' (known: job, send-as, mode)");
            }
        }
        String jobText = single(map.get("job"), where, "job");
        AddressPattern job;
        try {
            job = AddressPattern.of(jobText);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ".job: " + e.getMessage(), e);
        }
        String address = single(map.get("send-as"), where, "send-as");
        Mailbox sendAs;
        try {
            sendAs = Mailbox.parse(address);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ".send-as: '" + address + "' is not an address: "
                    + e.getMessage(), e);
        }
        if (address.indexOf('*') >= 0 || address.indexOf('?') >= 0) {
            throw new IllegalArgumentException(where + ".send-as: '" + address + "' must be one mailbox, not a pattern");
        }
        String mode = map.containsKey("mode") ? single(map.get("mode"), where, "mode") : "verify";
        if (!mode.equals("verify") && !mode.equals("replace")) {
            throw new IllegalArgumentException(where + ".mode: '" + mode + "' is not one of verify, replace");
        }
        return new JobRule(job, sendAs, mode.equals("replace"));
    }

    private static String single(Object raw, String where, String key) {
        if (raw == null) {
            throw new IllegalArgumentException(where + ": " + key + " is missing");
        }
        if (!(raw instanceof String || raw instanceof Number)) {
            throw new IllegalArgumentException(where + ": " + key + " must be a single value, got " + describe(raw));
        }
        String value = raw.toString().strip();
        if (value.isEmpty() || value.chars().anyMatch(c -> c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F))) {
            throw new IllegalArgumentException(where + ": " + key + " must be printable and not empty");
        }
        return value;
    }

    private static String describe(Object raw) {
        return raw instanceof List ? "a list" : raw instanceof Map ? "a mapping" : "'" + raw + "'";
    }
}
