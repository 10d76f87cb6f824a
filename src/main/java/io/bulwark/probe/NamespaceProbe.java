package io.bulwark.probe;

import io.bulwark.audit.Confidence;
import io.bulwark.audit.Fact;
import io.bulwark.audit.FactSpec;
import io.bulwark.os.KernelVersion;
import io.bulwark.os.Namespaces;
import io.bulwark.os.ProcStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Namespaces: the nsfs inode of each of the process's namespaces, and whether it is the
 * host's. The kernel gives every initial namespace a fixed inode, so comparing is proof; where
 * a kernel numbered a type dynamically (mnt and net before 6.18) {@link HostNamespaceSigns}
 * weighs indirect signs instead.
 */
public final class NamespaceProbe implements Probe {

    /** One {@code ns/TYPE} link as read: its inode, or why there is none. */
    record NamespaceLink(String type, Optional<Long> inode, String text, String problem) {
        static NamespaceLink read(ProbeContext ctx, String type) {
            Path link = ctx.processFile("ns/" + type);
            try {
                String target = Files.readSymbolicLink(link).toString();
                Optional<Long> inode = Namespaces.inode(target);
                return new NamespaceLink(type, inode, target,
                        inode.isPresent() ? "" : link + " points to '" + target + "', not TYPE:[INODE]");
            } catch (NoSuchFileException e) {
                String why = type.equals("time")
                        ? "no ns/time link: this kernel has no time namespaces (they need Linux 5.6 and CONFIG_TIME_NS)"
                        : "no ns/" + type + " link in " + ctx.processFile("ns") + " (kernel without " + type + " namespaces?)";
                return new NamespaceLink(type, Optional.empty(), "", why);
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                return new NamespaceLink(type, Optional.empty(), "", "cannot read " + link + ": " + e.getMessage());
            }
        }

        boolean readable() {
            return inode.isPresent();
        }
    }

    @Override
    public List<FactSpec> facts() {
        List<FactSpec> specs = new ArrayList<>();
        for (String type : Namespaces.TYPES) {
            specs.add(FactSpec.number("ns." + type + ".inode", "the nsfs inode of the target's " + type + " namespace (readlink ns/" + type + ")"));
            specs.add(FactSpec.bool("ns." + type + ".shared", "the target shares the host's " + type + " namespace"));
        }
        return specs;
    }

    @Override
    public List<Fact> collect(ProbeContext ctx) {
        Optional<KernelVersion> kernel = ProbeContext.tryRead(ctx.procFile("sys/kernel/osrelease")).flatMap(KernelVersion::parse);
        Map<String, NamespaceLink> links = new LinkedHashMap<>();
        for (String type : Namespaces.TYPES) {
            links.put(type, NamespaceLink.read(ctx, type));
        }
        Map<String, Fact> shared = new LinkedHashMap<>();
        for (String type : Namespaces.TYPES) {
            if (!type.equals("mnt") && !type.equals("net")) {
                shared.put(type, sharedByFixedInode(ctx, links.get(type)));
            }
        }
        HostNamespaceSigns signs = new HostNamespaceSigns(ctx, shared.get("pid"));
        for (String type : List.of("mnt", "net")) {
            NamespaceLink link = links.get(type);
            if (!link.readable()) {
                shared.put(type, Fact.unobserved("ns." + type + ".shared", link.problem()));
            } else if (kernel.isPresent() && Namespaces.initialInodeFixed(type, kernel.get())) {
                Fact fact = withKernel(sharedByFixedInode(ctx, link), kernel.get());
                shared.put(type, type.equals("net") ? withInterfaces(fact, signs) : fact);
            } else {
                shared.put(type, signs.judge(link, kernel));
            }
        }
        List<Fact> facts = new ArrayList<>();
        for (String type : Namespaces.TYPES) {
            NamespaceLink link = links.get(type);
            facts.add(link.readable()
                    ? Fact.of("ns." + type + ".inode", link.inode().get(), "readlink " + ctx.processFile("ns/" + type) + ": " + link.text())
                    : Fact.unobserved("ns." + type + ".inode", link.problem()));
            facts.add(shared.get(type));
        }
        return facts;
    }

    /** The fixed-inode test: certain wherever the kernel gives the initial namespace its fixed number. */
    private static Fact sharedByFixedInode(ProbeContext ctx, NamespaceLink link) {
        String name = "ns." + link.type() + ".shared";
        if (!link.readable()) {
            return Fact.unobserved(name, link.problem());
        }
        long initial = Namespaces.initialInode(link.type()).orElseThrow();
        boolean shared = link.inode().get() == initial;
        String evidence = "certain: ns/" + link.type() + " is " + link.text() + "; the host's initial " + link.type()
                + " namespace always has inode " + initial + " (0x" + Long.toHexString(initial).toUpperCase() + "), so this "
                + (shared ? "is" : "is not") + " the host's";
        if (link.type().equals("pid")) {
            evidence += "; " + kernelThreadSign(ctx);
        }
        return Fact.inferred(name, shared, Confidence.CERTAIN, evidence);
    }

    private static Fact withKernel(Fact fact, KernelVersion kernel) {
        return Fact.inferred(fact.name(), fact.value(), fact.confidence(), fact.evidence()
                + " (the mnt and net inodes are fixed since Linux 6.18; this kernel is " + kernel + ")");
    }

    /** The interfaces seen, as a second sign beside the inode. */
    private static Fact withInterfaces(Fact fact, HostNamespaceSigns signs) {
        String seen = signs.interfaces().map(i -> "; interfaces visible: " + String.join(", ", i)).orElse("");
        return Fact.inferred(fact.name(), fact.value(), fact.confidence(), fact.evidence() + seen);
    }

    /**
     * Kernel threads live only in the initial pid namespace: seeing kthreadd (pid 2, PPid 0)
     * corroborates a host pid namespace, not seeing it corroborates a private one.
     */
    static String kernelThreadSign(ProbeContext ctx) {
        Optional<String> status = ProbeContext.tryRead(ctx.procFile("2/status"));
        if (status.isEmpty()) {
            return "no pid 2 in " + ctx.proc() + ", so no kernel thread is visible";
        }
        ProcStatus s = ProcStatus.parse(status.get());
        String name = s.field("Name").orElse("?");
        long ppid = s.number("PPid").orElse(-1L);
        return ppid == 0 && name.equals("kthreadd")
                ? "kernel threads are visible (pid 2 is kthreadd with PPid 0), as only in the host's pid namespace"
                : "pid 2 is " + name + " with PPid " + ppid + ", not kthreadd";
    }
}
