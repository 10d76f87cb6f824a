package io.bulwark.seccomp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;

/** Symbolic errno names for output (EPERM for 1), from the data file errno.properties. */
final class Errno {
    private static final Properties NAMES = load();

    private Errno() {
    }

    static Optional<String> name(int errno) {
        return Optional.ofNullable(NAMES.getProperty(Integer.toString(errno)));
    }

    /** The number of a symbolic name (EPERM for 1), as containers/common's profiles give it beside errnoRet. */
    static Optional<Integer> number(String name) {
        return NAMES.stringPropertyNames().stream().filter(k -> name.equals(NAMES.getProperty(k))).map(Integer::valueOf).findFirst();
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Errno.class.getResourceAsStream("/io/bulwark/seccomp/errno.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
