package io.bulwark.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A command run on the host with a deadline. Output goes to files rather than pipes, so a
 * chatty child can never block on a full pipe while we wait for it.
 */
final class HostCommand {
    private HostCommand() {
    }

    /** What a finished command printed and how it exited. */
    record Result(List<String> argv, int exitCode, String stdout, String stderr) {

        /** This result, or an AssertionError naming the command, its status and its stderr. */
        Result requireSuccess() {
            if (exitCode != 0) {
                throw new AssertionError(String.join(" ", argv) + " exited " + exitCode + "\n" + stderr.strip());
            }
            return this;
        }
    }

    static Result run(Duration timeout, List<String> argv) {
        return run(timeout, argv, Map.of(), null);
    }

    /**
     * Runs {@code argv} in {@code workingDir} (null: ours) with {@code env} added to our
     * environment; kills it and its descendants when {@code timeout} passes.
     */
    static Result run(Duration timeout, List<String> argv, Map<String, String> env, Path workingDir) {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("bulwark-it-", ".out");
            err = Files.createTempFile("bulwark-it-", ".err");
            ProcessBuilder builder = new ProcessBuilder(argv)
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().putAll(env);
            if (workingDir != null) {
                builder.directory(workingDir.toFile());
            }
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError(String.join(" ", argv) + " did not finish within " + timeout.toSeconds()
                        + " s; stderr so far:\n" + Files.readString(err, StandardCharsets.UTF_8).strip());
            }
            return new Result(List.copyOf(argv), process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot run " + String.join(" ", argv) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + String.join(" ", argv), e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temp file we could not delete is not worth failing a test for
            }
        }
    }
}
