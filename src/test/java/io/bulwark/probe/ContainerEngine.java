package io.bulwark.probe;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A container engine (docker or podman) for tests that need real containers: a busybox-static
 * image imported once, containers named {@code bulwark-it-…} and always removed. Without the
 * engine the test is skipped, unless CI=true, where a missing engine fails it.
 */
public final class ContainerEngine implements AutoCloseable {
    public static final String IMAGE = "bulwark-it/busybox:latest";
    private final String binary;
    private final List<String> started = new ArrayList<>();

    private ContainerEngine(String binary) {
        this.binary = binary;
    }

    public static ContainerEngine docker() {
        return require("docker", List.of());
    }

    public static ContainerEngine podman() {
        return require("podman", List.of());
    }

    private static ContainerEngine require(String name, List<String> unused) {
        ContainerEngine engine = new ContainerEngine(name);
        boolean ready;
        try {
            ready = engine.run(List.of("info")).exit == 0 && engine.ensureImage();
        } catch (IOException e) {
            ready = false;
        }
        if ("true".equals(System.getenv("CI"))) {
            if (!ready) {
                throw new AssertionError(name + " is not usable, and CI=true requires it");
            }
        } else {
            assumeTrue(ready, name + " is not usable here");
        }
        return engine;
    }

    public String name() {
        return binary;
    }

    /**
     * Starts a container running {@code sleep 600}: {@code run -d --name NAME OPTIONS IMAGE sleep 600},
     * with {@code --network none} unless the options choose a network; returns its id.
     */
    public String start(String name, List<String> options) throws IOException {
        String full = "bulwark-it-" + name;
        run(List.of("rm", "-f", full));
        List<String> args = new ArrayList<>(List.of("run", "-d", "--name", full));
        if (!options.contains("--network")) {
            args.addAll(List.of("--network", "none"));
        }
        if (binary.equals("podman")) {
            args.add(1, "--runtime");
            args.add(2, "runc");
            args.addAll(List.of("--ulimit", "nofile=1024:1024", "--ulimit", "nproc=1024:1024"));
        }
        args.addAll(options);
        args.addAll(List.of(IMAGE, "sleep", "600"));
        Result r = run(args);
        started.add(full);
        if (r.exit != 0) {
            throw new IOException(binary + " " + String.join(" ", args) + " failed: " + r.output);
        }
        return r.output.strip().lines().reduce((a, b) -> b).orElseThrow();
    }

    public long pid(String id) throws IOException {
        return Long.parseLong(check(List.of("inspect", "-f", "{{.State.Pid}}", id)).strip());
    }

    /** {@code inspect ID} written to a file, as a user would save it. */
    public Path inspect(String id, Path dir) throws IOException {
        Path file = dir.resolve(binary + "-inspect-" + id.substring(0, 12) + ".json");
        Files.writeString(file, check(List.of("inspect", id)));
        return file;
    }

    public String check(List<String> args) throws IOException {
        Result r = run(args);
        if (r.exit != 0) {
            throw new IOException(binary + " " + String.join(" ", args) + " failed: " + r.output);
        }
        return r.output;
    }

    private boolean ensureImage() throws IOException {
        if (run(List.of("image", "inspect", IMAGE)).exit == 0) {
            return true;
        }
        Path busybox = Path.of("/bin/busybox");
        if (!Files.isRegularFile(busybox)) {
            return false;
        }
        Path dir = Files.createTempDirectory("bulwark-rootfs");
        try {
            for (String d : List.of("bin", "proc", "sys", "dev", "etc", "tmp")) {
                Files.createDirectories(dir.resolve(d));
            }
            Files.copy(busybox, dir.resolve("bin/busybox"));
            for (String link : List.of("sh", "sleep", "cat", "ls")) {
                Files.createSymbolicLink(dir.resolve("bin/" + link), Path.of("busybox"));
            }
            Path tar = dir.resolveSibling(dir.getFileName() + ".tar");
            Process p = new ProcessBuilder("tar", "-C", dir.toString(), "-cf", tar.toString(), ".").inheritIO().start();
            waitFor(p);
            boolean ok = run(List.of("import", tar.toString(), IMAGE)).exit == 0;
            Files.deleteIfExists(tar);
            return ok;
        } finally {
            new ProcessBuilder("rm", "-rf", dir.toString()).start();
        }
    }

    record Result(int exit, String output) {
    }

    Result run(List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(binary);
        command.addAll(args);
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return new Result(127, e.getMessage());
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(waitFor(p), out);
    }

    private static int waitFor(Process p) throws IOException {
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + p.info().commandLine().orElse("?"));
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        for (String name : started) {
            run(List.of("rm", "-f", name));
        }
    }
}
