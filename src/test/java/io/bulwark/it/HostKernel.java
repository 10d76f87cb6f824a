package io.bulwark.it;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * What the host itself shows, for facts whose right value depends on the kernel the tests run
 * on (a kernel without /proc/kcore cannot expose it even to a privileged container).
 */
final class HostKernel {
    private HostKernel() {
    }

    /**
     * /proc/sys/kernel/cap_last_cap, read in one read(2): a sysctl file answers EOF to a read
     * at a non-zero offset, so a reader that starts with one byte sees "4" for "40".
     */
    static long capLastCap() {
        try (InputStream in = Files.newInputStream(Path.of("/proc/sys/kernel/cap_last_cap"))) {
            byte[] buffer = new byte[64];
            int n = in.read(buffer);
            return Long.parseLong(new String(buffer, 0, Math.max(n, 0), StandardCharsets.US_ASCII).trim());
        } catch (IOException | NumberFormatException e) {
            throw new AssertionError("cannot read /proc/sys/kernel/cap_last_cap: " + e.getMessage(), e);
        }
    }

    /** The tests' own effective uid. */
    static long uid() {
        return statusField("Uid:", 1);
    }

    /**
     * How many capabilities the tests' own bounding set holds. Engines started beside us
     * share it, and no container can get a capability outside it, not even a privileged one.
     */
    static int boundingSetSize() {
        return Long.bitCount(statusField("CapBnd:", 0));
    }

    /** Whether the bounding set holds every capability the kernel knows. */
    static boolean boundingSetIsFull() {
        return boundingSetSize() == capLastCap() + 1;
    }

    /** Whether /proc/NAME exists on the host (kernels differ: no kcore, no sched_debug, …). */
    static boolean hasProcEntry(String name) {
        return Files.exists(Path.of("/proc", name), LinkOption.NOFOLLOW_LINKS);
    }

    /** Whether the host's /dev holds a block device node (disks, loop devices). */
    static boolean hasBlockDevices() {
        try (DirectoryStream<Path> dev = Files.newDirectoryStream(Path.of("/dev"))) {
            for (Path node : dev) {
                if (isBlock(node)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new AssertionError("cannot list /dev: " + e.getMessage(), e);
        }
    }

    /** Whether /dev/kmsg exists on the host (a privileged container gets the host's /dev). */
    static boolean hasKmsg() {
        return Files.exists(Path.of("/dev/kmsg"));
    }

    /** A pure cgroup v2 host: there Docker gives containers a private cgroup namespace. */
    static boolean cgroupV2Only() {
        return Files.exists(Path.of("/sys/fs/cgroup/cgroup.controllers"));
    }

    /** Field {@code index} of a line of /proc/self/status, hexadecimal for the Cap lines. */
    private static long statusField(String key, int index) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8)) {
                if (line.startsWith(key)) {
                    String field = line.substring(key.length()).strip().split("\\s+")[index];
                    return key.startsWith("Cap") ? Long.parseUnsignedLong(field, 16) : Long.parseLong(field);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new AssertionError("cannot read " + key + " from /proc/self/status: " + e.getMessage(), e);
        }
        throw new AssertionError("/proc/self/status has no " + key + " line");
    }

    private static boolean isBlock(Path node) throws IOException {
        int mode = (Integer) Files.getAttribute(node, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        return (mode & 0170000) == 0060000; // S_IFMT == S_IFBLK
    }
}
