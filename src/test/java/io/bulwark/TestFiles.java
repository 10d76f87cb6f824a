package io.bulwark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Test fixtures under {@code src/test/resources}, read in place: fixture trees hold symbolic
 * links (the {@code ns/} links of /proc), which resource copying would drop.
 */
public final class TestFiles {
    private TestFiles() {
    }

    public static Path resource(String relative) {
        return Path.of(System.getProperty("bulwark.project.dir", ".")).resolve("src/test/resources").resolve(relative);
    }

    public static String text(String relative) {
        try {
            return Files.readString(resource(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of a fixture tree under {@code dir}, links kept as links, that a test may add to. */
    public static Path copyTree(String relative, Path dir) {
        Path source = resource(relative);
        Path target = dir.resolve(source.getFileName().toString());
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path from : (Iterable<Path>) walk::iterator) {
                Path to = target.resolve(source.relativize(from).toString());
                if (Files.isDirectory(from, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to, LinkOption.NOFOLLOW_LINKS, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** Creates empty directories under {@code root} — git keeps none, masks need them. */
    public static void emptyDirs(Path root, List<String> relatives) {
        try {
            for (String relative : relatives) {
                Files.createDirectories(root.resolve(relative));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
