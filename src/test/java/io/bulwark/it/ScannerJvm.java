package io.bulwark.it;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged jar and the JDK that runs it inside a sandbox: the scan command line, and the
 * host directories a sandbox must show (read-only) for that JDK to start.
 */
final class ScannerJvm {
    /** Where sandboxes see the jar. */
    static final String JAR_INSIDE = "/opt/bulwark/bulwark.jar";

    private ScannerJvm() {
    }

    /** target/bulwark.jar, built by 'package' before the integration tests run. */
    static Path jar() {
        String configured = System.getProperty("bulwark.jar");
        Path jar = configured != null ? Path.of(configured)
                : Path.of(System.getProperty("bulwark.project.dir", "."), "target", "bulwark.jar");
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError(jar + " does not exist; the integration tests run after 'mvn package' (use 'mvn verify')");
        }
        return jar.toAbsolutePath();
    }

    /** The JDK running the tests, so the scan runs on the same one (17 or 25). */
    static Path javaHome() {
        try {
            return Path.of(System.getProperty("java.home")).toRealPath();
        } catch (IOException e) {
            throw new AssertionError("java.home cannot be resolved: " + e.getMessage(), e);
        }
    }

    /** {@code java … -jar JAR scan --format json}, with the launcher's start-up options. */
    static List<String> scanArgv(String jarPath) {
        return List.of(javaHome().resolve("bin/java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Djava.io.tmpdir=/tmp",
                "-jar", jarPath, "scan", "--format", "json");
    }

    /**
     * Host directories the JDK needs: /usr (the JDK and the libraries; /lib and /lib64 are
     * symlinks into it in our rootfs), the alternatives links, Debian's /etc/java-N-openjdk
     * configuration the JDK's conf/ links to, and the JDK itself if it lives outside /usr.
     */
    static List<Path> hostDirectories() {
        List<Path> dirs = new ArrayList<>(List.of(Path.of("/usr")));
        if (Files.isDirectory(Path.of("/etc/alternatives"))) {
            dirs.add(Path.of("/etc/alternatives"));
        }
        try (DirectoryStream<Path> etc = Files.newDirectoryStream(Path.of("/etc"), "java-*")) {
            etc.forEach(dir -> {
                if (Files.isDirectory(dir)) {
                    dirs.add(dir);
                }
            });
        } catch (IOException e) {
            throw new AssertionError("cannot list /etc: " + e.getMessage(), e);
        }
        if (!javaHome().startsWith("/usr")) {
            dirs.add(javaHome());
        }
        return dirs;
    }
}
