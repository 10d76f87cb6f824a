package io.bulwark.seccomp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The seccomp(2) filter flags a profile may ask for, and their bits (filter-flags.txt). */
public final class FilterFlags {
    private static final Map<String, Integer> BITS = load();

    private FilterFlags() {
    }

    static Set<String> names() {
        return BITS.keySet();
    }

    /** The names of the flags set in {@code bits}, and of any unknown bits as numbers. */
    public static List<String> names(int bits) {
        List<String> out = new ArrayList<>();
        int known = 0;
        for (Map.Entry<String, Integer> e : BITS.entrySet()) {
            known |= e.getValue();
            if ((bits & e.getValue()) != 0) {
                out.add(e.getKey());
            }
        }
        if ((bits & ~known) != 0) {
            out.add("0x" + Integer.toHexString(bits & ~known));
        }
        return out;
    }

    /** The flags word for seccomp(SECCOMP_SET_MODE_FILTER, flags, …). */
    public static int bits(List<String> flags) {
        int bits = 0;
        for (String f : flags) {
            bits |= BITS.getOrDefault(f, 0);
        }
        return bits;
    }

    private static Map<String, Integer> load() {
        Map<String, Integer> bits = new LinkedHashMap<>();
        for (String line : BundledData.lines("filter-flags.txt")) {
            String[] f = line.split("\\s+");
            bits.put(f[0], Integer.parseInt(f[1]));
        }
        return bits;
    }
}
