package io.bulwark.os;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads pseudo-files of procfs, sysfs and cgroupfs. They report a size of 0, and
 * {@code Files.readString} trusts the size: on /proc/sys files it returns a truncated value
 * ("4" for cap_last_cap's "40\n", seen on 6.18 with JDK 17 and 25). Reading the stream to its
 * end does not.
 */
public final class KernelFile {
    private KernelFile() {
    }

    public static String read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
