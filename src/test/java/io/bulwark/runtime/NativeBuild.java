package io.bulwark.runtime;

import java.io.IOException;
import java.nio.file.Path;
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
}
