package io.bulwark.probe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a probe looks. For {@code scan --self} that is the live {@code /}, {@code /proc} and
 * {@code /proc/self}; tests point it at a fixture tree laid out the same way.
 *
 * @param root     the target's filesystem root
 * @param proc     the target's procfs
 * @param process  the probed process's {@code /proc/PID} directory
 * @param live     true when probing the running system (syscall probes may run), false for fixtures
 */
public record ProbeContext(Path root, Path proc, Path process, boolean live) {

    public static ProbeContext self() {
        return new ProbeContext(Path.of("/"), Path.of("/proc"), Path.of("/proc/self"), true);
    }

    /** A fixture tree with {@code proc/} and {@code proc/self/} under {@code dir}. */
    public static ProbeContext fixture(Path dir) {
        return new ProbeContext(dir, dir.resolve("proc"), dir.resolve("proc/self"), false);
    }

    /** An absolute path of the target's filesystem, e.g. {@code /dev/kmsg}, seen from here. */
    public Path path(String absolute) {
        return root.resolve(absolute.substring(1));
    }

    /** A file under the target's procfs, e.g. {@code meminfo}. */
    public Path procFile(String relative) {
        return proc.resolve(relative);
    }

    /** A file under the probed process's {@code /proc/PID}, e.g. {@code status}. */
    public Path processFile(String relative) {
        return process.resolve(relative);
    }

    /**
     * The text of a file; IOExceptions carry the path so evidence can name it. Read in large
     * chunks: a numeric sysctl answers only the read at offset 0 and reports end of file at any
     * other, and Files.readString on a file of size 0 (all of procfs) may start with a one-byte
     * read, turning "40" into "4".
     */
    public static String read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            byte[] chunk = new byte[64 * 1024];
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                text.write(chunk, 0, n);
            }
            return text.toString(StandardCharsets.UTF_8);
        }
    }

    /** The text of a file, or empty when it does not exist or cannot be read. */
    public static Optional<String> tryRead(Path file) {
        try {
            return Optional.of(read(file));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }
}
