package org.spoolmail.kernel.plugin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Finds, in a class file's constant pool, the calls that end the Java process: {@code System.exit},
 * {@code Runtime.exit} and {@code Runtime.halt}, whether invoked, taken as a method handle constant or referenced by
 * an invokedynamic. A site exit that ends the process ends {@code send} with the exit status it chooses (0), the
 * mail neither sent nor held nor audited; the SecurityManager that once refused such calls is deprecated in Java 17
 * and gone from Java 24, so plugins are refused before they load instead.
 *
 * <p>Every invocation of a method goes through a {@code CONSTANT_Methodref} of the class that makes it, which names
 * the class and method: reading the constant pool finds every direct call, without running or even loading the
 * class. Reflection is caught where it is plain: a class that looks methods up reflectively ({@code getMethod},
 * {@code getDeclaredMethod}, {@code MethodHandles.Lookup.findStatic} and the like) and holds the string
 * {@code "exit"} or {@code "halt"}. What this cannot see: the method name built at run time ("ex" + "it"), code
 * loaded from elsewhere at run time, native code, or another process sent to kill this one. The shutdown hook of
 * the pipeline runner is the second line for those (it holds the mail in flight and makes the exit status 8), and
 * only trusted code belongs in the plugins folder.
 */
final class ProcessEndingCalls {

    private static final Set<String> ENDING = Set.of("java/lang/System.exit", "java/lang/Runtime.exit",
            "java/lang/Runtime.halt");
    private static final Set<String> REFLECTIVE = Set.of("java/lang/Class.getMethod",
            "java/lang/Class.getDeclaredMethod", "java/lang/Class.getMethods", "java/lang/Class.getDeclaredMethods",
            "java/lang/invoke/MethodHandles$Lookup.findStatic", "java/lang/invoke/MethodHandles$Lookup.findVirtual",
            "java/lang/invoke/MethodHandles$Lookup.unreflect");
    private static final Set<String> ENDING_NAMES = Set.of("exit", "halt");
    /** The method names of ENDING and REFLECTIVE: only a reference to one of them is looked at further. */
    private static final byte[][] CANDIDATE_METHODS = octets(
            new HashSet<>(java.util.stream.Stream.concat(ENDING.stream(), REFLECTIVE.stream()).toList()), true);
    private static final byte[][] ENDING_NAME_OCTETS = octets(ENDING_NAMES, false);

    private ProcessEndingCalls() {
    }

    /**
     * @param classFile the octets of one class file
     * @return what it calls to end the process, e.g. {@code java.lang.System.exit}; empty when nothing
     * @throws IOException if the octets are no class file this reader understands
     */
    static Optional<String> find(byte[] classFile) throws IOException {
        ConstantPool pool = ConstantPool.read(classFile);
        // Names are compared as octets where they lie (all ASCII, so their modified UTF-8 is themselves): every
        // plugin class is read at each start of a command, and decoding every constant into a String cost more
        // than the whole check (docs/performance.md, start-up).
        boolean reflective = false;
        for (int i = 1; i < pool.count; i++) {
            if (pool.tags[i] == 10 || pool.tags[i] == 11) {
                int name = pool.first[pool.second[i]];
                if (pool.isAnyOf(name, CANDIDATE_METHODS)) {
                    String ref = pool.text(pool.first[pool.first[i]]) + "." + pool.text(name);
                    if (ENDING.contains(ref)) {
                        return Optional.of(ref.replace('/', '.'));
                    }
                    reflective |= REFLECTIVE.contains(ref);
                }
            }
        }
        if (!reflective) {
            return Optional.empty();
        }
        for (int i = 1; i < pool.count; i++) {
            if (pool.tags[i] == 8 && pool.isAnyOf(pool.first[i], ENDING_NAME_OCTETS)) {
                return Optional.of("a method named \"" + pool.text(pool.first[i]) + "\" looked up by reflection");
            }
        }
        return Optional.empty();
    }

    private static byte[][] octets(Set<String> refs, boolean methodPart) {
        return refs.stream().map(r -> methodPart ? r.substring(r.indexOf('.') + 1) : r).distinct()
                .map(n -> n.getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);
    }

    /**
     * The constant pool as the class file numbers it (from 1): each entry's tag, its one or two indexes, and for a
     * UTF-8 entry where its octets lie.
     */
    private static final class ConstantPool {
        private final byte[] file;
        private final int count;
        private final int[] tags;
        private final int[] first;
        private final int[] second;

        private ConstantPool(byte[] file, int count) {
            this.file = file;
            this.count = count;
            tags = new int[count];
            first = new int[count];
            second = new int[count];
        }

        static ConstantPool read(byte[] c) throws IOException {
            if (c.length < 10 || u4(c, 0) != 0xCAFEBABE) {
                throw new IOException("not a class file");
            }
            ConstantPool pool = new ConstantPool(c, u2(c, 8));
            int at = 10;
            try {
                for (int i = 1; i < pool.count; i++) {
                    int tag = c[at++] & 0xFF;
                    pool.tags[i] = tag;
                    switch (tag) {
                        case 1 -> {
                            pool.first[i] = at + 2; // where the octets begin
                            pool.second[i] = u2(c, at); // how many
                            at += 2 + pool.second[i];
                        }
                        case 3, 4 -> at += 4;
                        case 5, 6 -> {
                            at += 8;
                            i++; // a long or double takes two entries
                        }
                        case 7, 8, 16, 19, 20 -> {
                            pool.first[i] = u2(c, at);
                            at += 2;
                        }
                        case 9, 10, 11, 12, 17, 18 -> {
                            pool.first[i] = u2(c, at);
                            pool.second[i] = u2(c, at + 2);
                            at += 4;
                        }
                        case 15 -> {
                            pool.first[i] = u2(c, at + 1);
                            at += 3;
                        }
                        default -> throw new IOException("unknown constant pool tag " + tag);
                    }
                }
            } catch (ArrayIndexOutOfBoundsException e) {
                throw new IOException("the constant pool ends past the end of the file");
            }
            if (at > c.length) {
                throw new IOException("the constant pool ends past the end of the file");
            }
            pool.checkReferences();
            return pool;
        }

        /** Every index this reader follows names an entry of the kind it expects. */
        private void checkReferences() throws IOException {
            for (int i = 1; i < count; i++) {
                boolean sound = switch (tags[i]) {
                    case 7, 8 -> isTag(first[i], 1);
                    case 10, 11 -> isTag(first[i], 7) && isTag(second[i], 12);
                    case 12 -> isTag(first[i], 1) && isTag(second[i], 1);
                    default -> true;
                };
                if (!sound) {
                    throw new IOException("constant pool entry " + i + " refers to an entry of the wrong kind");
                }
            }
        }

        private boolean isTag(int index, int tag) {
            return index > 0 && index < count && tags[index] == tag;
        }

        /** @return true when UTF-8 entry {@code index} holds exactly one of these octet strings */
        boolean isAnyOf(int index, byte[][] candidates) {
            int from = first[index];
            int length = second[index];
            for (byte[] candidate : candidates) {
                if (candidate.length == length
                        && Arrays.equals(file, from, from + length, candidate, 0, length)) {
                    return true;
                }
            }
            return false;
        }

        /** @return UTF-8 entry {@code index} as text (only for the few entries that matter: names are ASCII) */
        String text(int index) {
            return new String(file, first[index], second[index], StandardCharsets.UTF_8);
        }

        private static int u2(byte[] c, int at) {
            return ((c[at] & 0xFF) << 8) | (c[at + 1] & 0xFF);
        }

        private static int u4(byte[] c, int at) {
            return (u2(c, at) << 16) | u2(c, at + 2);
        }
    }
}
