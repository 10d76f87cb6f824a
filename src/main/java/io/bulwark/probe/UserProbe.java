package io.bulwark.probe;

import io.bulwark.audit.Confidence;
import io.bulwark.audit.Fact;
import io.bulwark.audit.FactSpec;
import io.bulwark.os.IdMap;
import io.bulwark.os.Namespaces;
import io.bulwark.os.ProcStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Root user: the process's ids, its id maps, and whether its root is the host's root. */
public final class UserProbe implements Probe {

    @Override
    public List<FactSpec> facts() {
        return List.of(
                FactSpec.number("user.uid", "effective user id inside the target"),
                FactSpec.number("user.gid", "effective group id inside the target"),
                FactSpec.text("user.uid_map", "the uid_map of the target's user namespace (inside outside count; …)"),
                FactSpec.text("user.gid_map", "the gid_map of the target's user namespace"),
                FactSpec.bool("user.root_is_host_root", "uid 0 of the target is uid 0 of the host"),
                FactSpec.bool("user.is_host_root", "the target runs as uid 0 and that uid 0 is the host's root"));
    }

    @Override
    public List<Fact> collect(ProbeContext ctx) throws IOException {
        List<Fact> facts = new ArrayList<>();
        ProcStatus status = ctx.status().require();
        Optional<Long> uid = status.number("Uid", 1);
        Optional<Long> gid = status.number("Gid", 1);
        facts.add(uid.map(u -> Fact.of("user.uid", u, "status Uid: " + status.field("Uid").orElse("")))
                .orElse(Fact.unobserved("user.uid", "status has no readable Uid line")));
        facts.add(gid.map(g -> Fact.of("user.gid", g, "status Gid: " + status.field("Gid").orElse("")))
                .orElse(Fact.unobserved("user.gid", "status has no readable Gid line")));

        Optional<IdMap> uidMap = readMap(ctx, "uid_map", facts, "user.uid_map");
        readMap(ctx, "gid_map", facts, "user.gid_map");

        Fact rootIsHostRoot = rootIsHostRoot(ctx, uidMap);
        facts.add(rootIsHostRoot);
        if (rootIsHostRoot.observed() && uid.isPresent()) {
            boolean hostRoot = uid.get() == 0 && (Boolean) rootIsHostRoot.value();
            facts.add(Fact.inferred("user.is_host_root", hostRoot, rootIsHostRoot.confidence(),
                    "effective uid " + uid.get() + "; " + rootIsHostRoot.evidence()));
        } else {
            facts.add(Fact.unobserved("user.is_host_root", "needs the effective uid and whether root is host root"));
        }
        return facts;
    }

    private static Optional<IdMap> readMap(ProbeContext ctx, String file, List<Fact> facts, String name) {
        Optional<String> text = ProbeContext.tryRead(ctx.processFile(file));
        if (text.isEmpty()) {
            facts.add(Fact.unobserved(name, "cannot read " + ctx.processFile(file) + " (kernel without user namespaces?)"));
            return Optional.empty();
        }
        try {
            IdMap map = IdMap.parse(text.get());
            facts.add(Fact.of(name, map.toString(), "read " + ctx.processFile(file) + ": " + map));
            return Optional.of(map);
        } catch (IllegalArgumentException e) {
            facts.add(Fact.unobserved(name, ctx.processFile(file) + " is malformed: " + e.getMessage()));
            return Optional.empty();
        }
    }

    /**
     * The initial user namespace has a fixed nsfs inode, which is proof. Otherwise uid_map
     * says where root maps in the parent namespace; that the parent is the host's is likely
     * (nested user namespaces are rare) but cannot be seen from inside.
     */
    static Fact rootIsHostRoot(ProbeContext ctx, Optional<IdMap> uidMap) {
        String name = "user.root_is_host_root";
        Optional<Long> inode = userNamespaceInode(ctx);
        long initial = Namespaces.initialInode("user").orElseThrow();
        if (inode.isPresent() && inode.get() == initial) {
            return Fact.inferred(name, true, Confidence.CERTAIN,
                    "ns/user is user:[" + inode.get() + "], the host's initial user namespace");
        }
        if (uidMap.isEmpty()) {
            return Fact.unobserved(name, "neither ns/user nor uid_map could be read");
        }
        long root = uidMap.get().toHost(0);
        String where = inode.map(i -> "ns/user is user:[" + i + "], not the initial namespace; ").orElse("");
        if (root < 0) {
            return Fact.inferred(name, false, Confidence.CERTAIN, where + "uid_map does not map uid 0: " + uidMap.get());
        }
        Confidence confidence = inode.isPresent() ? Confidence.LIKELY : Confidence.GUESS;
        if (uidMap.get().isIdentity() && inode.isEmpty()) {
            confidence = Confidence.LIKELY;
        }
        return Fact.inferred(name, root == 0, confidence,
                where + "uid_map maps uid 0 to " + root + " in the parent user namespace: " + uidMap.get());
    }

    private static Optional<Long> userNamespaceInode(ProbeContext ctx) {
        try {
            return Namespaces.inode(Files.readSymbolicLink(ctx.processFile("ns/user")).toString());
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }
}
