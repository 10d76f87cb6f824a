package io.bulwark.seccomp;

import java.util.Locale;
import java.util.Optional;

/**
 * The architectures bulwark compiles for. Each has its audit value (what the kernel puts in
 * {@code seccomp_data.arch}), its libseccomp name, the name Docker's profile uses in
 * {@code includes.arches} (Go's GOARCH), and whether syscall arguments are 64 bits wide.
 */
public enum Arch {
    X86_64("x86_64", "SCMP_ARCH_X86_64", "amd64", 0xC000003E, true),
    X86("x86", "SCMP_ARCH_X86", "386", 0x40000003, false),
    /** x32 shares x86_64's audit value; its syscall numbers carry bit 30 (0x40000000). */
    X32("x32", "SCMP_ARCH_X32", "x32", 0xC000003E, true),
    AARCH64("aarch64", "SCMP_ARCH_AARCH64", "arm64", 0xC00000B7, true),
    ARM("arm", "SCMP_ARCH_ARM", "arm", 0x40000028, false);

    /** Bit 30 of an x32 syscall number: how the kernel tells x32 from x86_64 calls. */
    public static final int X32_SYSCALL_BIT = 0x40000000;

    private final String id;
    private final String scmpName;
    private final String dockerName;
    private final int auditArch;
    private final boolean wideArgs;

    Arch(String id, String scmpName, String dockerName, int auditArch, boolean wideArgs) {
        this.id = id;
        this.scmpName = scmpName;
        this.dockerName = dockerName;
        this.auditArch = auditArch;
        this.wideArgs = wideArgs;
    }

    public String id() {
        return id;
    }

    public String scmpName() {
        return scmpName;
    }

    /** The name Docker matches {@code includes.arches}/{@code excludes.arches} against. */
    public String dockerName() {
        return dockerName;
    }

    public int auditArch() {
        return auditArch;
    }

    /** Whether the kernel passes 64-bit arguments (both halves of seccomp_data.args[i] matter). */
    public boolean wideArgs() {
        return wideArgs;
    }

    /** By bulwark id (x86_64), libseccomp name (SCMP_ARCH_X86_64) or Docker name (amd64). */
    public static Optional<Arch> parse(String name) {
        String n = name.trim();
        for (Arch a : values()) {
            if (a.id.equalsIgnoreCase(n) || a.scmpName.equalsIgnoreCase(n) || a.dockerName.equalsIgnoreCase(n)) {
                return Optional.of(a);
            }
        }
        if (n.equalsIgnoreCase("i386") || n.equalsIgnoreCase("i686")) {
            return Optional.of(X86);
        }
        return Optional.empty();
    }

    /** The architecture this JVM runs on; x86_64 when Java names one bulwark does not know. */
    public static Arch host() {
        String os = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        return switch (os) {
            case "aarch64", "arm64" -> AARCH64;
            case "arm" -> ARM;
            case "x86", "i386", "i686" -> X86;
            default -> X86_64;
        };
    }

    public static String ids() {
        StringBuilder s = new StringBuilder();
        for (Arch a : values()) {
            s.append(s.length() == 0 ? "" : ", ").append(a.id);
        }
        return s.toString();
    }
}
