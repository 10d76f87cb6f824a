package io.bulwark.probe;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A container started by an OCI runtime alone, runc or crun: a busybox-static rootfs, the
 * config.json 'runc spec' writes (its defaults unchanged but for the command, {@code sleep 600}
 * without a terminal, and what the test edits), run detached and always deleted with its bundle.
 * Skipped without the runtime or busybox-static.
 *
 * <p>crun refuses this host's hybrid cgroups while the v2 hierarchy lists a controller, so it
 * starts in a private mount namespace where {@code cgroup.controllers} reads empty (sysfs
 * reports no size, so the file is hidden whenever it exists).
 */
public final class OciBundle implements AutoCloseable {
    private static final Path RUNC = Path.of("/usr/sbin/runc");
    private static final Path CRUN = Path.of("/usr/bin/crun");
    private static final Path BUSYBOX = Path.of("/bin/busybox");
    private static final Path CONTROLLERS = Path.of("/sys/fs/cgroup/unified/cgroup.controllers");
    private final Path runtime;
    private final String id;
    private final Path bundle;

    private OciBundle(Path runtime, String id, Path bundle) {
        this.runtime = runtime;
        this.id = id;
        this.bundle = bundle;
    }

    /**
     * Starts the runc container {@code it-runc-NAME}. runc puts it in the cgroup {@code /ID}; an
     * id starting with "bulwark-" would be taken for a container of bulwark's own runtime.
     */
    public static OciBundle runc(String name) throws IOException {
        return runc(name, config -> { });
    }

    /** The same, with the spec's config edited first. */
    public static OciBundle runc(String name, Consumer<ObjectNode> edit) throws IOException {
        return start(RUNC, "it-runc-" + name, edit);
    }

    /** Starts the crun container {@code it-crun-NAME}. */
    public static OciBundle crun(String name) throws IOException {
        return start(CRUN, "it-crun-" + name, config -> { });
    }

    private static OciBundle start(Path runtime, String id, Consumer<ObjectNode> edit) throws IOException {
        assumeTrue(Files.isExecutable(runtime) && Files.isExecutable(RUNC) && Files.isRegularFile(BUSYBOX),
                "needs " + runtime.getFileName() + ", runc (for 'runc spec') and busybox-static");
        Path bundle = Files.createTempDirectory("bulwark-oci");
        OciBundle container = new OciBundle(runtime, id, bundle);
        try {
            Path rootfs = bundle.resolve("rootfs");
            for (String d : List.of("bin", "proc", "sys", "dev", "tmp", "etc")) {
                Files.createDirectories(rootfs.resolve(d));
            }
            Files.copy(BUSYBOX, rootfs.resolve("bin/busybox"));
            Files.createSymbolicLink(rootfs.resolve("bin/sleep"), Path.of("busybox"));
            command(List.of(RUNC.toString(), "spec", "--bundle", bundle.toString()), true);
            ObjectMapper json = new ObjectMapper();
            ObjectNode config = (ObjectNode) json.readTree(container.config().toFile());
            ObjectNode process = (ObjectNode) config.get("process");
            process.put("terminal", false);
            process.putArray("args").add("/bin/sleep").add("600");
            edit.accept(config);
            json.writerWithDefaultPrettyPrinter().writeValue(container.config().toFile(), config);
            container.runtime("delete", "-f", id);
            container.runtime("run", "-d", "--bundle", bundle.toString(), id);
            return container;
        } catch (IOException | RuntimeException e) {
            container.close();
            throw e;
        }
    }

    public String id() {
        return id;
    }

    /** The bundle's config.json, as the container was started with it. */
    public Path config() {
        return bundle.resolve("config.json");
    }

    public long pid() throws IOException {
        JsonNode state = new ObjectMapper().readTree(runtime("state", id));
        return state.get("pid").asLong();
    }

    private String runtime(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        boolean hideControllers = runtime.equals(CRUN) && args[0].equals("run") && Files.exists(CONTROLLERS);
        if (hideControllers) {
            command.addAll(List.of("unshare", "--mount", "--propagation", "private", "sh", "-c",
                    "mount --bind /dev/null " + CONTROLLERS + " && exec \"$0\" \"$@\""));
        }
        command.add(runtime.toString());
        command.addAll(List.of(args));
        return command(command, !args[0].equals("delete"));
    }

    private static String command(List<String> command, boolean mustSucceed) throws IOException {
        Path log = Files.createTempFile("bulwark-oci", ".log");
        try {
            // run -d leaves the container holding its stdio: a file, not a pipe this JVM would wait on
            Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + command);
            }
            String out = Files.readString(log, StandardCharsets.UTF_8);
            if (p.exitValue() != 0 && mustSucceed) {
                throw new IOException(String.join(" ", command) + " failed: " + out);
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            runtime("delete", "-f", id);
        } finally {
            new ProcessBuilder("rm", "-rf", bundle.toString()).start();
        }
    }
}
