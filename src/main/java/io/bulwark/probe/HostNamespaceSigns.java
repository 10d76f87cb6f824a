package io.bulwark.probe;

import io.bulwark.audit.Confidence;
import io.bulwark.audit.Fact;
import io.bulwark.os.KernelVersion;
import io.bulwark.os.Namespaces;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Whether a mount or network namespace is the host's on a kernel that numbered them
 * dynamically (before 6.18, or when the kernel version cannot be read). In order of strength:
 * the namespace of the host's init (pid 1, when our pid namespace is the host's), then the
 * fixed inode itself (only a 6.18+ kernel hands it out), then type-specific signs.
 */
final class HostNamespaceSigns {
    /** Interfaces that live in a host's network namespace, not in a container's. */
    private static final Pattern HOST_INTERFACE = Pattern.compile(
            "docker\\d+|br-.*|virbr\\d+.*|veth.*|cni\\d+|flannel\\..*|cali.*|vxlan\\..*|lxcbr\\d+|podman\\d+|kube-.*");

    private final ProbeContext ctx;
    private final Fact pidShared;

    HostNamespaceSigns(ProbeContext ctx, Fact pidShared) {
        this.ctx = ctx;
        this.pidShared = pidShared;
    }

    Fact judge(NamespaceProbe.NamespaceLink link, Optional<KernelVersion> kernel) {
        String type = link.type();
        String name = "ns." + type + ".shared";
        long inode = link.inode().orElseThrow();
        String numbering = kernel.map(k -> "Linux " + k + " numbers " + type + " namespaces dynamically (fixed only since 6.18)")
                .orElse("the kernel version is unknown, so the " + type + " inode may be dynamic");
        Optional<Fact> byInit = compareWithInit(name, link, numbering);
        if (byInit.isPresent()) {
            return byInit.get();
        }
        long initial = Namespaces.initialInode(type).orElseThrow();
        if (inode == initial) {
            return Fact.inferred(name, true, Confidence.LIKELY, "likely: ns/" + type + " is " + link.text()
                    + ", the fixed inode of the initial " + type + " namespace; " + numbering
                    + ", but only a 6.18+ kernel hands out this number, and only to the host's namespace");
        }
        return type.equals("mnt") ? judgeMount(name, link, numbering) : judgeNetwork(name, link, numbering);
    }

    /** Host init's namespace is the host's by definition; readable when we share its pid namespace. */
    private Optional<Fact> compareWithInit(String name, NamespaceProbe.NamespaceLink link, String numbering) {
        if (!pidShared.observed() || !Boolean.TRUE.equals(pidShared.value())) {
            return Optional.empty();
        }
        try {
            String initTarget = Files.readSymbolicLink(ctx.procFile("1/ns/" + link.type())).toString();
            Optional<Long> initInode = Namespaces.inode(initTarget);
            if (initInode.isEmpty()) {
                return Optional.empty();
            }
            boolean shared = initInode.get().equals(link.inode().get());
            return Optional.of(Fact.inferred(name, shared, Confidence.CERTAIN, "certain: ns/" + link.type() + " is " + link.text()
                    + " and pid 1, the host's init (our pid namespace is the host's), is in " + initTarget + "; " + numbering));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return Optional.empty();
        }
    }

    private static Fact judgeMount(String name, NamespaceProbe.NamespaceLink link, String numbering) {
        long inode = link.inode().orElseThrow();
        if (inode == Namespaces.FIRST_DYNAMIC_INODE) {
            return Fact.inferred(name, true, Confidence.LIKELY, "likely: ns/mnt is " + link.text() + ", the first dynamically "
                    + "allocated nsfs inode, which the kernel gives the initial mount namespace at boot; " + numbering);
        }
        return Fact.inferred(name, false, Confidence.GUESS, "guess: ns/mnt is " + link.text() + ", not " + Namespaces.FIRST_DYNAMIC_INODE
                + " (the inode the initial mount namespace receives at boot); " + numbering + ", and pid 1's namespace cannot be compared");
    }

    private Fact judgeNetwork(String name, NamespaceProbe.NamespaceLink link, String numbering) {
        Optional<List<String>> interfaces = interfaces();
        String where = "ns/net is " + link.text() + "; " + numbering + "; ";
        if (interfaces.isEmpty()) {
            return Fact.unobserved(name, "cannot tell: " + where + "and " + ctx.procFile("net/dev") + " is unreadable");
        }
        List<String> others = interfaces.get().stream().filter(i -> !i.equals("lo")).toList();
        if (others.isEmpty()) {
            return Fact.inferred(name, false, Confidence.LIKELY, "likely: " + where + "only the loopback interface is visible, "
                    + "which a host with a network never shows");
        }
        List<String> hostOnly = new ArrayList<>();
        for (String i : others) {
            if (HOST_INTERFACE.matcher(i).matches() || Files.exists(ctx.path("/sys/class/net/" + i + "/device"))) {
                hostOnly.add(i);
            }
        }
        if (!hostOnly.isEmpty()) {
            return Fact.inferred(name, true, Confidence.LIKELY, "likely: " + where + "interfaces " + hostOnly
                    + " are physical devices or host bridges, which only the host's network namespace holds");
        }
        return Fact.unobserved(name, "cannot tell: " + where + "interfaces " + others
                + " are neither physical devices nor host bridges, as in a container's network namespace or a host's with few interfaces");
    }

    /** Interface names from {@code /proc/net/dev} (two header lines, then "name: counters"). */
    Optional<List<String>> interfaces() {
        return ProbeContext.tryRead(ctx.procFile("net/dev")).map(HostNamespaceSigns::parseInterfaces);
    }

    static List<String> parseInterfaces(String text) {
        try (Stream<String> lines = text.lines()) {
            return lines.skip(2)
                    .filter(l -> l.indexOf(':') > 0)
                    .map(l -> l.substring(0, l.indexOf(':')).trim())
                    .filter(n -> !n.isEmpty() && !n.contains(" "))
                    .toList();
        }
    }
}
