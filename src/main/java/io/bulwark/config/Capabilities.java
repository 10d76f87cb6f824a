package io.bulwark.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.bulwark.os.Capability;
import io.bulwark.seccomp.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** Capability sets as configs state them: names with or without CAP_, ALL, added to or dropped from a default. */
final class Capabilities {
    private Capabilities() {
    }

    /** Every capability the kernel headers bulwark knows name, without CAP_. */
    static List<String> all() {
        return Capability.names(Capability.allKnownMask());
    }

    /** Docker's default set (the one containerd and Kubernetes use too), without CAP_. */
    static List<String> engineDefault() {
        return Target.dockerDefaultCapabilities().stream().map(Capabilities::bare).sorted().toList();
    }

    /** {@code base} with {@code add} added and {@code drop} removed (either may say ALL). */
    static List<String> adjust(List<String> base, JsonNode add, JsonNode drop) {
        TreeSet<String> set = new TreeSet<>(base);
        List<String> added = names(add);
        if (added.contains("ALL")) {
            set.addAll(all());
        } else {
            set.addAll(added);
        }
        List<String> dropped = names(drop);
        if (dropped.contains("ALL")) {
            set.clear();
            set.addAll(added.contains("ALL") ? List.of() : added);
        } else {
            set.removeAll(dropped);
        }
        return new ArrayList<>(set);
    }

    static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(n -> names.add(bare(n.asText())));
        }
        return names;
    }

    static String bare(String name) {
        String upper = name.toUpperCase(Locale.ROOT).strip();
        return upper.startsWith("CAP_") ? upper.substring(4) : upper;
    }
}
