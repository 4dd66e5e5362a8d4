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

    @Test
    void sizeShouldReadUnitsInAnyCaseWhenTheyAreUnambiguous() {
        ConfigKey<Long> size = ConfigKey.size("max-size", null);

        assertEquals(List.of(10_485_760L, 10_485_760L, 10_485_760L, 65_536L, 64_000L, 64_000L, 2_147_483_648L,
                        3_000_000_000L, 512L, 10_000_000L),
                List.of(size.convert("10MiB"), size.convert("10 MiB"), size.convert("10mib"), size.convert("64kib"),
                        size.convert("64kB"), size.convert("64 KB"), size.convert("2GIB"), size.convert("3GB"),
                        size.convert("512B"), size.convert("10MB")));
    }

    @Test
    void sizeShouldRefuseUnitsThatCouldMeanBits() {
        ConfigKey<Long> size = ConfigKey.size("max-size", null);

        assertEquals("'10Mb' is not a size with a unit (512B, 64KiB, 10MiB)",
                assertThrows(IllegalArgumentException.class, () -> size.convert("10Mb")).getMessage());
        assertEquals("'512b' is not a size with a unit (512B, 64KiB, 10MiB)",
                assertThrows(IllegalArgumentException.class, () -> size.convert("512b")).getMessage());
    }

    @Test
    void validateShouldSayTooLargeWhenASizeDoesNotFitInOctets() {
        List<String> problems = StageConfig.validate(List.of(ConfigKey.size("max-size", null)),
                Map.of("max-size", "99999999999GiB"), "config");

        assertEquals(List.of("config.max-size: '99999999999GiB' is too large (expected a size such as 10MiB)"),
                problems);
        assertEquals("'99999999999999999999B' is too large", assertThrows(IllegalArgumentException.class,
                () -> ConfigKey.size("max-size", null).convert("99999999999999999999B")).getMessage());
    }
}
