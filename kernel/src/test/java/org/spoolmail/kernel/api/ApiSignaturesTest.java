package org.spoolmail.kernel.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The embedding API shows the JDK and exits-api only: no public or protected member of its public types names a
 * Guice, PF4J or SnakeYAML type (nor a kernel-internal one), in parameters, results, exceptions, fields, type
 * arguments or supertypes, so that an application never compiles against what the kernel hides.
 */
class ApiSignaturesTest {

    private static final List<Class<?>> API = List.of(Spoolmail.class, SpoolmailBuilder.class, Mail.class,
            Mail.Attachment.class, MailBuilder.class, RawInput.class, MailResult.class, SubmitResult.class,
            SpoolmailException.class);
    private static final List<String> HIDDEN = List.of("com.google.inject.", "org.pf4j.", "org.yaml.",
            "org.spoolmail.kernel.config.", "org.spoolmail.kernel.pipeline.", "org.spoolmail.kernel.plugin.",
            "org.spoolmail.kernel.inject.", "org.spoolmail.kernel.identity.", "org.spoolmail.kernel.cli.");

    @Test
    void publicSignaturesShouldNameNoGuicePf4jSnakeYamlOrKernelInternalTypeWhenScanned() {
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : API) {
            check(type.getName() + " extends", type.getGenericSuperclass(), leaks);
            for (Type i : type.getGenericInterfaces()) {
                check(type.getName() + " implements", i, leaks);
            }
            for (Method m : type.getDeclaredMethods()) {
                member(type, m, m.getGenericReturnType(), leaks);
            }
            Stream.of(type.getDeclaredConstructors()).forEach(c -> member(type, c, null, leaks));
            for (Field f : type.getDeclaredFields()) {
                if (visible(f.getModifiers())) {
                    check(type.getName() + "." + f.getName(), f.getGenericType(), leaks);
                }
            }
        }
        assertEquals(List.of(), leaks);
    }

    private static void member(Class<?> owner, Executable e, Type result, List<String> leaks) {
        if (!visible(e.getModifiers()) || e.isSynthetic()) {
            return;
        }
        String where = owner.getName() + "." + e.getName();
        if (result != null) {
            check(where + " returns", result, leaks);
        }
        Stream.of(e.getGenericParameterTypes()).forEach(p -> check(where + " takes", p, leaks));
        Stream.of(e.getGenericExceptionTypes()).forEach(x -> check(where + " throws", x, leaks));
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static void check(String where, Type type, List<String> leaks) {
        if (type instanceof Class<?> c) {
            String name = c.isArray() ? c.getComponentType().getName() : c.getName();
            if (HIDDEN.stream().anyMatch(name::startsWith)) {
                leaks.add(where + " " + name);
            }
        } else if (type instanceof ParameterizedType p) {
            check(where, p.getRawType(), leaks);
            Stream.of(p.getActualTypeArguments()).forEach(a -> check(where, a, leaks));
        } else if (type instanceof WildcardType w) {
            Stream.concat(Stream.of(w.getUpperBounds()), Stream.of(w.getLowerBounds())).forEach(b -> check(where, b,
                    leaks));
        } else if (type instanceof TypeVariable<?> v) {
            Stream.of(v.getBounds()).forEach(b -> check(where, b, leaks));
        }
    }
}
