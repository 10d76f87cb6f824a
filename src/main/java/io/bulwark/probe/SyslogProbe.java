package io.bulwark.probe;

import io.bulwark.audit.Fact;
import io.bulwark.audit.FactSpec;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Syslog: the host's log socket, the kernel log devices and kernel.dmesg_restrict. The kernel
 * log files are opened read-only and closed without reading: a read of {@code /proc/kmsg}
 * would take messages away from the host's log daemon.
 */
public final class SyslogProbe implements Probe {
    private static final int S_IFMT = 0170000;
    private static final int S_IFSOCK = 0140000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFREG = 0100000;
    /** Character devices by (major, minor): 1:11 is the kernel log, 1:3 is /dev/null (a mask). */
    private static final long KMSG_DEVICE = dev(1, 11);
    private static final long NULL_DEVICE = dev(1, 3);

    @Override
    public List<FactSpec> facts() {
        return List.of(
                FactSpec.bool("syslog.dev_log_present", "/dev/log is a socket: the host's syslog daemon may be reachable"),
                FactSpec.bool("syslog.dev_kmsg_readable", "/dev/kmsg, the kernel log, can be opened for reading"),
                FactSpec.bool("syslog.proc_kmsg_readable", "/proc/kmsg, the kernel log's consuming reader, can be opened"),
                FactSpec.bool("syslog.dmesg_restrict", "kernel.dmesg_restrict is set: reading the kernel log needs CAP_SYSLOG"));
    }

    @Override
    public List<Fact> collect(ProbeContext ctx) {
        return List.of(
                devLog(ctx),
                openWithoutReading("syslog.dev_kmsg_readable", ctx.path("/dev/kmsg"), "/dev/kmsg"),
                openWithoutReading("syslog.proc_kmsg_readable", ctx.procFile("kmsg"), "/proc/kmsg"),
                dmesgRestrict(ctx));
    }

    private static Fact devLog(ProbeContext ctx) {
        Path path = ctx.path("/dev/log");
        String name = "syslog.dev_log_present";
        Optional<Map<String, Object>> attrs = attributes(path);
        if (attrs.isEmpty()) {
            return Fact.of(name, false, Files.isSymbolicLink(path)
                    ? "/dev/log is a link to nothing (" + linkTarget(path) + ")"
                    : "no /dev/log");
        }
        int type = (Integer) attrs.get().get("mode") & S_IFMT;
        String via = Files.isSymbolicLink(path) ? " (a link to " + linkTarget(path) + ")" : "";
        return type == S_IFSOCK
                ? Fact.of(name, true, "/dev/log" + via + " is a socket")
                : Fact.of(name, false, "/dev/log" + via + " exists but is not a socket");
    }

    /**
     * Opens a kernel log file read-only and closes it without reading. Only the kernel log
     * device itself and regular files (procfs, fixtures) are opened: any other device could act
     * on open (a watchdog starts, a tape rewinds), and a FIFO would block.
     */
    static Fact openWithoutReading(String name, Path path, String shown) {
        Optional<Map<String, Object>> attrs = attributes(path);
        if (attrs.isEmpty()) {
            return Fact.of(name, false, "no " + shown);
        }
        int type = (Integer) attrs.get().get("mode") & S_IFMT;
        long rdev = ((Number) attrs.get().get("rdev")).longValue();
        if (type == S_IFCHR && rdev == NULL_DEVICE) {
            return Fact.of(name, false, shown + " is masked: it is /dev/null (device 1:3)");
        }
        if (!(type == S_IFREG || (type == S_IFCHR && rdev == KMSG_DEVICE))) {
            return Fact.unobserved(name, shown + " is neither the kernel log device (1:11) nor a regular file"
                    + " (mode 0" + Integer.toOctalString(type) + ", device " + major(rdev) + ":" + minor(rdev) + "); not opened");
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            return Fact.of(name, true, "opened " + shown + " read-only and closed it without reading");
        } catch (NoSuchFileException e) {
            return Fact.of(name, false, "no " + shown);
        } catch (IOException | SecurityException e) {
            return Fact.of(name, false, "open " + shown + " read-only failed: " + reason(e));
        }
    }

    private static Fact dmesgRestrict(ProbeContext ctx) {
        Path file = ctx.procFile("sys/kernel/dmesg_restrict");
        Optional<String> text = ProbeContext.tryRead(file).map(String::trim);
        if (text.isEmpty()) {
            return Fact.unobserved("syslog.dmesg_restrict", "cannot read " + file);
        }
        return switch (text.get()) {
            case "0" -> Fact.of("syslog.dmesg_restrict", false, "kernel.dmesg_restrict is 0: any process may read the kernel log");
            case "1" -> Fact.of("syslog.dmesg_restrict", true, "kernel.dmesg_restrict is 1: reading the kernel log needs CAP_SYSLOG");
            default -> Fact.unobserved("syslog.dmesg_restrict", file + " holds '" + text.get() + "', not 0 or 1");
        };
    }

    /** The type and device of what a path leads to, following links. */
    private static Optional<Map<String, Object>> attributes(Path path) {
        try {
            return Optional.of(Files.readAttributes(path, "unix:mode,rdev"));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return Optional.empty();
        }
    }

    private static String linkTarget(Path path) {
        try {
            return Files.readSymbolicLink(path).toString();
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return "?";
        }
    }

    /** The kernel's message for an I/O error, e.g. "Operation not permitted". */
    private static String reason(Exception e) {
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return String.valueOf(e.getMessage());
    }

    /** Linux's dev_t encoding (major in bits 8-19 and 32-63, minor in 0-7 and 20-31). */
    static long dev(long major, long minor) {
        return ((major & 0xfff) << 8) | ((major & ~0xfffL) << 32) | (minor & 0xff) | ((minor & ~0xffL) << 12);
    }

    static long major(long dev) {
        return ((dev >>> 8) & 0xfff) | ((dev >>> 32) & ~0xfffL);
    }

    static long minor(long dev) {
        return (dev & 0xff) | ((dev >>> 12) & ~0xffL);
    }
}
