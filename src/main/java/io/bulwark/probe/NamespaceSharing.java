package io.bulwark.probe;

import io.bulwark.audit.Confidence;
import io.bulwark.os.KernelVersion;
import io.bulwark.os.Namespaces;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;

/**
 * Whether the probed process is in the host's initial namespace of one type, from the nsfs
 * inode of {@code /proc/PID/ns/TYPE}. Every initial namespace has a fixed inode since 6.18;
 * before that the initial mount namespace got the first dynamic number, 0xF0000000, which is a
 * strong sign but no proof.
 *
 * @param initial    true when it is the host's namespace
 * @param confidence how sure that is
 * @param evidence   the link and how it was judged
 */
record NamespaceSharing(boolean initial, Confidence confidence, String evidence) {

    static Optional<NamespaceSharing> of(ProbeContext ctx, String type) {
        String link;
        try {
            link = Files.readSymbolicLink(ctx.processFile("ns/" + type)).toString();
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return Optional.empty();
        }
        Optional<Long> inode = Namespaces.inode(link);
        Optional<Long> fixed = Namespaces.initialInode(type);
        if (inode.isEmpty() || fixed.isEmpty()) {
            return Optional.empty();
        }
        if (inode.get().equals(fixed.get())) {
            return Optional.of(new NamespaceSharing(true, Confidence.CERTAIN, "ns/" + type + " is " + link
                    + ", the fixed inode of the initial " + type + " namespace"));
        }
        boolean fixedHere = ProbeContext.tryRead(ctx.procFile("sys/kernel/osrelease")).flatMap(KernelVersion::parse)
                .map(kernel -> Namespaces.initialInodeFixed(type, kernel))
                .orElse(Namespaces.initialInodeAlwaysFixed(type));
        if (fixedHere) {
            return Optional.of(new NamespaceSharing(false, Confidence.CERTAIN, "ns/" + type + " is " + link
                    + ", not the initial " + type + " namespace"));
        }
        boolean firstDynamic = inode.get() == Namespaces.FIRST_DYNAMIC_INODE;
        return Optional.of(new NamespaceSharing(firstDynamic, Confidence.LIKELY, "ns/" + type + " is " + link
                + (firstDynamic ? ", the first dynamic inode, which kernels before 6.18 give the initial " + type + " namespace"
                        : ", not the first dynamic inode that kernels before 6.18 give the initial " + type + " namespace")));
    }
}
