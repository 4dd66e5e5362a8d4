package org.spoolmail.kernel.identity;

import java.lang.reflect.Method;
import java.util.Optional;

import org.spoolmail.kernel.config.ConfigException;

/**
 * The operating-system account the process runs as, asked of the OS itself: {@code getuid()} and the user database
 * through the JDK's {@code com.sun.security.auth.module.UnixSystem} (module {@code jdk.security.auth}), or
 * {@code NTSystem} on Windows. It never falls back to the {@code user.name} property or {@code $USER}: anyone who
 * starts the JVM sets those ({@code JDK_JAVA_OPTIONS="--limit-modules java.base,... -Duser.name=ceo"} both hides the
 * module and names another user), so without the module the account is unknown and spoolmail refuses to run
 * (fail closed, condition code 16) rather than hand exits a forged established user ID.
 *
 * @param name the user name, e.g. {@code batch1}
 * @param uid the numeric user ID where the OS has one (Unix), else empty
 */
public record OsAccount(String name, Optional<Long> uid) {

    private static final String MODULE_MISSING = "cannot establish the OS user ID: the JDK module jdk.security.auth"
            + " is not available (is the JVM started with --limit-modules, or is it a jlink image without it?);"
            + " spoolmail never takes the user.name property or $USER instead, since whoever starts the JVM sets"
            + " them";

    /**
     * Asks the operating system.
     *
     * @return the account of this process
     * @throws ConfigException if the OS cannot be asked (the module is missing or answers nothing)
     */
    public static OsAccount current() throws ConfigException {
        Optional<OsAccount> unix = ask("com.sun.security.auth.module.UnixSystem", "getUsername", "getUid");
        Optional<OsAccount> account = unix.isPresent() ? unix
                : ask("com.sun.security.auth.module.NTSystem", "getName", null);
        return account.orElseThrow(() -> new ConfigException(MODULE_MISSING));
    }

    private static Optional<OsAccount> ask(String className, String nameMethod, String uidMethod) {
        try {
            Class<?> system = Class.forName(className);
            Object instance = system.getConstructor().newInstance();
            Object name = system.getMethod(nameMethod).invoke(instance);
            if (!(name instanceof String n) || n.isBlank()) {
                return Optional.empty();
            }
            Optional<Long> uid = Optional.empty();
            if (uidMethod != null) {
                Method m = system.getMethod(uidMethod);
                uid = Optional.of(((Number) m.invoke(instance)).longValue());
            }
            return Optional.of(new OsAccount(n, uid));
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            // Not this OS, or the module is not in the boot layer: the other route, or none.
            return Optional.empty();
        }
    }
}
