package io.bulwark.os;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads pseudo-files of procfs, sysfs and cgroupfs in 8 KB chunks. They report a size of 0,
 * and a numeric sysctl answers only the read at offset 0 (end of file at any other), so
 * {@code Files.readString}, which may start with a one-byte read, turns cap_last_cap's "40"
 * into "4" (seen on 6.18 with JDK 17 and 25).
 */
public final class KernelFile {
    /** Larger than any sysctl value; most status, cgroup and mountinfo files fit in one read. */
    private static final int CHUNK = 8192;

    private KernelFile() {
    }

    public static String read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] chunk = new byte[CHUNK];
            int first = in.read(chunk);
            if (first < 0) {
                return "";
            }
            int next = in.read(chunk, first, CHUNK - first);
            if (next < 0) {
                return new String(chunk, 0, first, StandardCharsets.UTF_8);
            }
            ByteArrayOutputStream text = new ByteArrayOutputStream(2 * CHUNK);
            text.write(chunk, 0, first + next);
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                text.write(chunk, 0, n);
            }
            return text.toString(StandardCharsets.UTF_8);
        }
    }
}
