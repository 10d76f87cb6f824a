package io.bulwark.seccomp;

import io.bulwark.os.KernelVersion;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints a profile resolved for a target as the rule list runc would hand to libseccomp (the
 * input of the benchmark's libseccomp export script): rules in order, filtered by
 * includes/excludes, without those that repeat the default action.
 * Usage: {@code LibseccompSpec PROFILE ARCH OPTIMIZE}.
 */
public final class LibseccompSpec {
    private LibseccompSpec() {
    }

    public static void main(String[] args) throws Exception {
        Profile profile = ProfileLoader.load(Path.of(args[0]));
        Arch arch = Arch.parse(args[1]).orElseThrow();
        Target target = new Target(arch, Target.dockerDefaultCapabilities(), KernelVersion.running());
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("default", Integer.toUnsignedLong(profile.defaultAction().ret()));
        spec.put("arches", PolicyResolver.filterArches(profile, arch).stream().map(Arch::id).toList());
        spec.put("optimize", Integer.parseInt(args[2]));
        List<Map<String, Object>> rules = new ArrayList<>();
        for (SyscallRule r : PolicyResolver.applicableRules(profile, target)) {
            if (r.action().equals(profile.defaultAction())) {
                continue;
            }
            for (String name : r.names()) {
                List<List<Object>> conds = new ArrayList<>();
                for (ArgCondition c : r.args()) {
                    conds.add(List.of(c.index(), c.op().name(), new java.math.BigInteger(Long.toUnsignedString(c.value())),
                            new java.math.BigInteger(Long.toUnsignedString(c.valueTwo()))));
                }
                rules.add(Map.of("name", name, "ret", Integer.toUnsignedLong(r.action().ret()), "args", conds));
            }
        }
        spec.put("rules", rules);
        System.out.println(new ObjectMapper().writeValueAsString(spec));
    }
}
