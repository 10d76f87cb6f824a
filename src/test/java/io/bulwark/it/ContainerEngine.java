package io.bulwark.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A container engine's command line (Docker or podman) as the tests use it: import the busybox
 * rootfs as an image, run the packaged scanner in a container with the given options, remove
 * the image. Every container and image is named {@code bulwark-it-…}, so a cleanup step can
 * find leftovers of an interrupted run.
 */
final class ContainerEngine implements AutoCloseable {
    static final String PREFIX = "bulwark-it-";
    private static final Duration QUICK = Duration.ofSeconds(60);
    private static final Duration SCAN = Duration.ofMinutes(3);

    private final String name;
    private final List<String> command;
    private final List<String> runOptions;
    private final String imageRepository;
    private String image;

    private ContainerEngine(String name, List<String> command, List<String> runOptions, String imageRepository) {
        this.name = name;
        this.command = command;
        this.runOptions = runOptions;
        this.imageRepository = imageRepository;
    }

    /**
     * Docker through the distribution's client (/usr/bin/docker, matching the daemon), which
     * must answer: CI starts dockerd in .ci/run.
     */
    static ContainerEngine docker() {
        Path docker = Prerequisites.requireExecutable("docker.io", "/usr/bin/docker", "docker");
        List<String> info = List.of(docker.toString(), "info", "--format", "{{.ServerVersion}}");
        boolean answers = HostCommand.run(QUICK, info).exitCode() == 0;
        Prerequisites.require(answers, "the Docker daemon does not answer '" + docker + " info' (start dockerd)");
        return new ContainerEngine("docker", List.of(docker.toString()), List.of(), "");
    }

    /**
     * Rootful podman with runc (crun refuses this kind of hybrid cgroup host) and explicit
     * ulimits, because podman's defaults exceed the hard limits some hosts allow.
     */
    static ContainerEngine podman() {
        Path podman = Prerequisites.requireExecutable("podman", "podman");
        Prerequisites.require(HostKernel.uid() == 0, "rootful podman needs root (these tests map ids with --uidmap)");
        Path runc = Prerequisites.requireExecutable("runc", "runc", "/usr/sbin/runc");
        return new ContainerEngine("podman", List.of(podman.toString(), "--runtime", runc.toString()),
                List.of("--ulimit", "nofile=1024:1024", "--ulimit", "nproc=4096:4096"), "localhost/");
    }

    /** Imports the rootfs tar as {@code bulwark-it-rootfs:RANDOM}. */
    void importImage(Path rootfsTar) {
        String tag = PREFIX + "rootfs:" + UUID.randomUUID().toString().substring(0, 8);
        run(QUICK, "import", rootfsTar.toString(), tag).requireSuccess();
        image = imageRepository + tag;
    }

    /** A scan's report and the id of the container it ran in. */
    record ContainerScan(ScanReport report, String containerId) {
    }

    /**
     * Runs {@code bulwark scan --format json} in a new container ({@code --rm}, no network)
     * with {@code options} added, e.g. {@code --privileged}.
     */
    ContainerScan scan(String caseName, String... options) throws IOException {
        if (image == null) {
            throw new IllegalStateException("importImage first");
        }
        String container = PREFIX + name + "-" + caseName + "-" + UUID.randomUUID().toString().substring(0, 8);
        Path cidDir = Files.createTempDirectory(PREFIX);
        Path cidFile = cidDir.resolve("cid");
        List<String> argv = new ArrayList<>(List.of("run", "--rm", "--name", container, "--cidfile", cidFile.toString(),
                "--network", "none"));
        argv.addAll(runOptions);
        for (Path dir : ScannerJvm.hostDirectories()) {
            argv.addAll(List.of("-v", dir + ":" + dir + ":ro"));
        }
        argv.addAll(List.of("-v", ScannerJvm.jar() + ":" + ScannerJvm.JAR_INSIDE + ":ro"));
        argv.addAll(List.of(options));
        argv.add(image);
        argv.addAll(ScannerJvm.scanArgv(ScannerJvm.JAR_INSIDE));
        String environment = name + " run " + (options.length == 0 ? "(defaults)" : String.join(" ", options));
        try {
            HostCommand.Result result = run(SCAN, argv.toArray(String[]::new)).requireSuccess();
            String id = Files.readString(cidFile, StandardCharsets.UTF_8).strip();
            return new ContainerScan(ScanReport.parse(environment, result.stdout()), id);
        } finally {
            run(QUICK, "rm", "-f", container); // --rm already removed it unless the run timed out
            Files.deleteIfExists(cidFile);
            Files.deleteIfExists(cidDir);
        }
    }

    /** Removes the imported image. */
    @Override
    public void close() {
        if (image != null) {
            run(QUICK, "rmi", "-f", image).requireSuccess();
            image = null;
        }
    }

    private HostCommand.Result run(Duration timeout, String... args) {
        List<String> argv = new ArrayList<>(command);
        argv.addAll(List.of(args));
        return HostCommand.run(timeout, argv, Map.of(), null);
    }
}
