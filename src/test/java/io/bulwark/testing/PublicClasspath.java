package io.bulwark.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The test JVM's classpath (its jars and compiled classes) copied to a world-readable
 * directory under /var/tmp, so that bulwark can be started from it by another user (uid 65534)
 * or inside a run, which sees neither /root's Maven repository nor a private /tmp or /run.
 */
public final class PublicClasspath implements AutoCloseable {
    private final Path dir;

    private PublicClasspath(Path dir) {
        this.dir = dir;
    }

    public static PublicClasspath copy(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(Path.of("/var/tmp"), prefix);
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path from = Path.of(entry);
            if (Files.isRegularFile(from) && entry.endsWith(".jar")) {
                Files.copy(from, dir.resolve(from.getFileName()));
            } else if (Files.isDirectory(from) && from.endsWith("classes")) {
                Path to = dir.resolve("classes");
                try (Stream<Path> tree = Files.walk(from)) {
                    for (Path p : (Iterable<Path>) tree::iterator) {
                        Files.copy(p, to.resolve(from.relativize(p).toString()), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        try (Stream<Path> tree = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) tree::iterator) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        return new PublicClasspath(dir);
    }

    /** {@code java -cp … io.bulwark.cli.Main ARGS}, with this JVM's java and the copied classpath. */
    public List<String> bulwark(String... args) throws IOException {
        List<String> entries = new ArrayList<>(List.of(dir.resolve("classes").toString()));
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(p -> entries.add(p.toString()));
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", String.join(File.pathSeparator, entries), "io.bulwark.cli.Main"));
        command.addAll(List.of(args));
        return command;
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> tree = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) tree.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
