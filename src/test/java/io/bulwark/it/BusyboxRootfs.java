package io.bulwark.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

/**
 * A minimal container image: busybox-static and its applets, /etc/passwd, a writable /tmp
 * (jnr-ffi unpacks its native stub there), /lib and /lib64 as links into /usr like a
 * merged-/usr distribution, /var/run as a link to /run. The JDK comes from the host's /usr,
 * bound read-only by the engine, so the image stays a few megabytes.
 */
final class BusyboxRootfs {
    private BusyboxRootfs() {
    }

    /** Builds the rootfs under {@code work} and returns it as a tar for docker/podman import. */
    static Path buildTar(Path work) throws IOException {
        Path busybox = Prerequisites.requireExecutable("busybox-static", "/bin/busybox", "/usr/bin/busybox", "busybox");
        Path root = Files.createDirectories(work.resolve("rootfs"));
        for (String dir : List.of("bin", "etc", "proc", "sys", "dev", "run", "usr", "var", "opt/bulwark", "root")) {
            Files.createDirectories(root.resolve(dir));
        }
        Path tmp = Files.createDirectories(root.resolve("tmp"));
        // Java cannot set the sticky bit; /tmp must be 1777 for any uid a test runs as.
        HostCommand.run(Duration.ofSeconds(10), List.of("chmod", "1777", tmp.toString())).requireSuccess();
        Files.copy(busybox, root.resolve("bin/busybox"), StandardCopyOption.COPY_ATTRIBUTES);
        String applets = HostCommand.run(Duration.ofSeconds(10), List.of(busybox.toString(), "--list")).requireSuccess().stdout();
        for (String applet : applets.split("\n")) {
            if (!applet.isBlank() && !applet.equals("busybox")) {
                Files.createSymbolicLink(root.resolve("bin").resolve(applet.strip()), Path.of("busybox"));
            }
        }
        Files.createSymbolicLink(root.resolve("lib"), Path.of("usr/lib"));
        Files.createSymbolicLink(root.resolve("lib64"), Path.of("usr/lib64"));
        Files.createSymbolicLink(root.resolve("var/run"), Path.of("../run"));
        Files.writeString(root.resolve("etc/passwd"),
                "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/sh\n", StandardCharsets.UTF_8);
        Files.writeString(root.resolve("etc/group"), "root:x:0:\nnogroup:x:65534:\n", StandardCharsets.UTF_8);

        Path tar = work.resolve("rootfs.tar");
        Path tarTool = Prerequisites.requireExecutable("tar", "tar");
        HostCommand.run(Duration.ofSeconds(60), List.of(tarTool.toString(), "--numeric-owner", "--owner=0", "--group=0",
                "-C", root.toString(), "-cf", tar.toString(), ".")).requireSuccess();
        return tar;
    }
}
