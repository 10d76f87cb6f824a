package io.bulwark.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

/** Builds runtime/ test tools with the same Makefile the Maven build uses for the executor. */
final class NativeBuild {
    private NativeBuild() {
    }

    static final Path OUT = Path.of("target/native-test").toAbsolutePath();

    static synchronized Path tool(String target, String file) throws IOException, InterruptedException {
        Process make = new ProcessBuilder("make", "-s", "-C", "runtime", target, "OUT=" + OUT)
                .redirectErrorStream(true).start();
        String out = new String(make.getInputStream().readAllBytes());
        if (!make.waitFor(120, TimeUnit.SECONDS) || make.exitValue() != 0) {
            throw new IllegalStateException("make " + target + " failed:\n" + out);
        }
        return OUT.resolve(file);
    }

    /**
     * The tool at a path a default run can see. A run mounts fresh tmpfs on /tmp and /run, so a
     * checkout under either (CI may clone there) hides target/ from the workload: copy the tool
     * to /var/tmp then, for this test JVM only.
     */
    static synchronized Path visibleInsideRuns(Path tool) throws IOException {
        Path real = tool.toRealPath();
        if (!real.startsWith("/tmp") && !real.startsWith("/run")) {
            return real;
        }
        Path dir = Files.createTempDirectory(Path.of("/var/tmp"), "bulwark-native-test");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        dir.toFile().deleteOnExit(); // registered first, deleted last: after the copy in it
        Path copy = Files.copy(real, dir.resolve(real.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
        copy.toFile().deleteOnExit();
        return copy;
    }
}
