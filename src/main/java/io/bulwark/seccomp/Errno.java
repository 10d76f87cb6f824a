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
