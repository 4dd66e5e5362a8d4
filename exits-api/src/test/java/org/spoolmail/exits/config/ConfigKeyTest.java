package org.spoolmail.exits.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ConfigKeyTest {

    private static final ConfigKey<String> TLS = ConfigKey.oneOf("tls", "required", "required", "opportunistic",
            "off");

    @Test
    void validateShouldListTheAllowedWordsOnceWhenAValueIsNotOneOfThem() {
        List<String> problems = StageConfig.validate(List.of(TLS), Map.of("tls", "no"), "config");

        assertEquals(List.of("config.tls: 'no' is not allowed (expected one of required, opportunistic, off)"),
                problems);
    }

    @Test
    void convertShouldReturnLowerCaseWhenTheWordIsWrittenInCapitals() {
        assertEquals("off", TLS.convert("OFF"));
        assertEquals("'no' is not allowed", assertThrows(IllegalArgumentException.class,
                () -> TLS.convert("no")).getMessage());
    }

    @Test
    void validateShouldSayNotAllowedOnceWhenABooleanIsYes() {
        List<String> problems = StageConfig.validate(List.of(ConfigKey.bool("fsync", true)), Map.of("fsync", "yes"),
                "config");

        assertEquals(List.of("config.fsync: 'yes' is not allowed (expected true or false)"), problems);
    }
}
