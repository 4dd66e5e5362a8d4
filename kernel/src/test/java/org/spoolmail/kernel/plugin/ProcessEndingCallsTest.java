package org.spoolmail.kernel.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void findShouldRefuseAClassFileCutShortInItsConstantPool() throws Exception {
        byte[] whole = bytes(CallsExit.class);
        byte[] cut = java.util.Arrays.copyOf(whole, 40);

        IOException e = assertThrows(IOException.class, () -> ProcessEndingCalls.find(cut));

        assertEquals("the constant pool ends past the end of the file", e.getMessage());
    }

    @Test
    void findShouldRefuseAMethodReferenceWhoseClassIndexNamesNoClass() throws Exception {
        byte[] c = bytes(CallsExit.class);
        // Point the first Methodref's class index (tag 10: u2 class, u2 name-and-type) at entry 1 of another kind.
        int at = 10;
        int firstMethodref = -1;
        for (int i = 1; i < ((c[8] & 0xFF) << 8 | (c[9] & 0xFF)) && firstMethodref < 0; i++) {
            int tag = c[at] & 0xFF;
            if (tag == 10) {
                firstMethodref = at;
            }
            at += switch (tag) {
                case 1 -> 3 + ((c[at + 1] & 0xFF) << 8 | (c[at + 2] & 0xFF));
                case 7, 8, 16, 19, 20 -> 3;
                case 15 -> 4;
                case 5, 6 -> 9;
                default -> 5;
            };
        }
        int self = (c[firstMethodref + 1] & 0xFF) << 8 | (c[firstMethodref + 2] & 0xFF);
        int wrong = self == 1 ? 2 : 1;
        c[firstMethodref + 1] = 0;
        c[firstMethodref + 2] = (byte) wrong;

        IOException e = assertThrows(IOException.class, () -> ProcessEndingCalls.find(c));

        assertTrue(e.getMessage().endsWith(" refers to an entry of the wrong kind"), e.getMessage());
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
