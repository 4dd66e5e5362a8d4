package org.spoolmail.kernel.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ProcessEndingCallsTest {

    @Test
    void findShouldNameSystemExitWhenAClassCallsIt() throws Exception {
        assertEquals(Optional.of("java.lang.System.exit"), ProcessEndingCalls.find(bytes(CallsExit.class)));
    }

    @Test
    void findShouldNameRuntimeHaltWhenAClassTakesItAsAMethodReference() throws Exception {
        assertEquals(Optional.of("java.lang.Runtime.halt"), ProcessEndingCalls.find(bytes(HaltReference.class)));
    }

    @Test
    void findShouldNameTheReflectiveLookupWhenAClassLooksUpExitByName() throws Exception {
        assertEquals(Optional.of("a method named \"exit\" looked up by reflection"),
                ProcessEndingCalls.find(bytes(ReflectiveExit.class)));
    }

    @Test
    void findShouldFindNothingWhenAClassOnlyMentionsTheWordExit() throws Exception {
        assertEquals(Optional.empty(), ProcessEndingCalls.find(bytes(SaysExit.class)));
    }

    @Test
    void findShouldRefuseOctetsThatAreNoClassFile() {
        IOException e = assertThrows(IOException.class, () -> ProcessEndingCalls.find(new byte[] {1, 2, 3, 4, 5, 6,
            7, 8}));

        assertEquals("not a class file", e.getMessage());
    }

    private static byte[] bytes(Class<?> c) throws IOException {
        try (InputStream in = c.getResourceAsStream("/" + c.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }

    static final class CallsExit {
        void run() {
            System.exit(0);
        }
    }

    static final class HaltReference {
        java.util.function.IntConsumer halter() {
            return Runtime.getRuntime()::halt;
        }
    }

    static final class ReflectiveExit {
        Object run() throws ReflectiveOperationException {
            return Runtime.class.getMethod("exit", int.class);
        }
    }

    static final class SaysExit {
        String run() {
            return "exit";
        }
    }
}
