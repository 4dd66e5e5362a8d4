package org.spoolmail.kernel.plugin;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
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

    private ProcessEndingCalls() {
    }

    /**
     * @param classFile the octets of one class file
     * @return what it calls to end the process, e.g. {@code java.lang.System.exit}; empty when nothing
     * @throws IOException if the octets are no class file this reader understands
     */
    static Optional<String> find(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        ConstantPool pool = ConstantPool.read(in);
        Set<String> methods = pool.methodRefs();
        for (String m : methods) {
            if (ENDING.contains(m)) {
                return Optional.of(m.replace('/', '.'));
            }
        }
        boolean reflective = methods.stream().anyMatch(REFLECTIVE::contains);
        Optional<String> name = pool.strings().stream().filter(ENDING_NAMES::contains).findFirst();
        return reflective && name.isPresent()
                ? Optional.of("a method named \"" + name.get() + "\" looked up by reflection")
                : Optional.empty();
    }

    /** The constant pool entries that matter here, indexed as the class file numbers them (from 1). */
    private static final class ConstantPool {
        private final String[] utf8;
        private final int[] first;
        private final int[] second;
        private final int[] tags;

        private ConstantPool(int count) {
            utf8 = new String[count];
            first = new int[count];
            second = new int[count];
            tags = new int[count];
        }

        static ConstantPool read(DataInputStream in) throws IOException {
            int count = in.readUnsignedShort();
            ConstantPool pool = new ConstantPool(count);
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                pool.tags[i] = tag;
                switch (tag) {
                    case 1 -> pool.utf8[i] = in.readUTF();
                    case 3, 4 -> in.readInt();
                    case 5, 6 -> {
                        in.readLong();
                        i++; // a long or double takes two entries
                    }
                    case 7, 8, 16, 19, 20 -> pool.first[i] = in.readUnsignedShort();
                    case 9, 10, 11, 12, 17, 18 -> {
                        pool.first[i] = in.readUnsignedShort();
                        pool.second[i] = in.readUnsignedShort();
                    }
                    case 15 -> {
                        in.readUnsignedByte();
                        pool.first[i] = in.readUnsignedShort();
                    }
                    default -> throw new IOException("unknown constant pool tag " + tag);
                }
            }
            return pool;
        }

        /** @return every method (and interface method) referred to, as {@code owner/Name.method} */
        Set<String> methodRefs() {
            Set<String> refs = new HashSet<>();
            for (int i = 1; i < tags.length; i++) {
                if (tags[i] == 10 || tags[i] == 11) {
                    String owner = utf8[first[first[i]]];
                    String method = utf8[first[second[i]]];
                    refs.add(owner + "." + method);
                }
            }
            return refs;
        }

        /** @return the values of the string constants */
        List<String> strings() {
            List<String> values = new java.util.ArrayList<>();
            for (int i = 1; i < tags.length; i++) {
                if (tags[i] == 8) {
                    values.add(utf8[first[i]]);
                }
            }
            return values;
        }
    }
}
