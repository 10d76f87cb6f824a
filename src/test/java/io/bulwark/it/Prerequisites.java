package io.bulwark.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * What an integration test needs from the machine. Missing on a developer's machine: the
 * test is skipped and says why. Missing in CI ({@code CI=true}), where {@code .ci/run}
 * installs every engine: the test fails, so a broken CI set-up cannot pass by skipping.
 */
final class Prerequisites {
    private Prerequisites() {
    }

    static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    static void require(boolean met, String what) {
        if (met) {
            return;
        }
        if (inCi()) {
            throw new AssertionError(what + "; CI (.ci/run) provides it, so this is a failure, not a skip");
        }
        Assumptions.abort(what + " (skipped; with CI=true this fails)");
    }

    /** The first candidate that is an executable file; a bare name is looked up on PATH. */
    static Optional<Path> executable(String... candidates) {
        for (String candidate : candidates) {
            if (candidate.contains("/")) {
                Path path = Path.of(candidate);
                if (Files.isExecutable(path)) {
                    return Optional.of(path);
                }
                continue;
            }
            for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
                Path path = Path.of(dir.isEmpty() ? "." : dir, candidate);
                if (Files.isRegularFile(path) && Files.isExecutable(path)) {
                    return Optional.of(path);
                }
            }
        }
        return Optional.empty();
    }

    /** The executable, or the test is skipped (fails in CI) naming the package that has it. */
    static Path requireExecutable(String packageName, String... candidates) {
        Optional<Path> found = executable(candidates);
        require(found.isPresent(), String.join(" or ", candidates) + " not found (package " + packageName + ")");
        return found.orElseThrow();
    }
}
