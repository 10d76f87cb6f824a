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

/**
 * A container started by runc alone: a busybox-static rootfs, the config.json 'runc spec' writes
 * (its defaults unchanged but for the command, {@code sleep 600} without a terminal), run
 * detached and always deleted with its bundle. Skipped without runc or busybox-static.
 */
public final class RuncBundle implements AutoCloseable {
    private static final Path RUNC = Path.of("/usr/sbin/runc");
    private static final Path BUSYBOX = Path.of("/bin/busybox");
    private final String id;
    private final Path bundle;

    private RuncBundle(String id, Path bundle) {
        this.id = id;
        this.bundle = bundle;
    }

    /**
     * Starts the container {@code it-runc-NAME}. runc puts it in the cgroup {@code /ID}; an id
     * starting with "bulwark-" would be taken for a container of bulwark's own runtime.
     */
    public static RuncBundle start(String name) throws IOException {
        assumeTrue(Files.isExecutable(RUNC) && Files.isRegularFile(BUSYBOX), "needs runc and busybox-static");
        Path bundle = Files.createTempDirectory("bulwark-runc");
        RuncBundle container = new RuncBundle("it-runc-" + name, bundle);
        try {
            Path rootfs = bundle.resolve("rootfs");
            for (String d : List.of("bin", "proc", "sys", "dev", "tmp", "etc")) {
                Files.createDirectories(rootfs.resolve(d));
            }
            Files.copy(BUSYBOX, rootfs.resolve("bin/busybox"));
            Files.createSymbolicLink(rootfs.resolve("bin/sleep"), Path.of("busybox"));
            container.runc("spec", "--bundle", bundle.toString());
            ObjectMapper json = new ObjectMapper();
            ObjectNode config = (ObjectNode) json.readTree(bundle.resolve("config.json").toFile());
            ObjectNode process = (ObjectNode) config.get("process");
            process.put("terminal", false);
            process.putArray("args").add("/bin/sleep").add("600");
            json.writeValue(bundle.resolve("config.json").toFile(), config);
            container.runc("delete", "-f", container.id);
            container.runc("run", "-d", "--bundle", bundle.toString(), container.id);
            return container;
        } catch (IOException | RuntimeException e) {
            container.close();
            throw e;
        }
    }

    public String id() {
        return id;
    }

    public long pid() throws IOException {
        JsonNode state = new ObjectMapper().readTree(runc("state", id));
        return state.get("pid").asLong();
    }

    private String runc(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(RUNC.toString()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("bulwark-runc", ".log");
        try {
            // runc run -d leaves the container holding its stdio: a file, not a pipe this JVM would wait on
            Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + command);
            }
            String out = Files.readString(log, StandardCharsets.UTF_8);
            if (p.exitValue() != 0 && !args[0].equals("delete")) {
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
            runc("delete", "-f", id);
        } finally {
            new ProcessBuilder("rm", "-rf", bundle.toString()).start();
        }
    }
}
