package io.bulwark.seccomp;

import io.bulwark.audit.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Finds the dangerous syscalls a filter allows (ALLOW or LOG): for each family member on each
 * architecture of the filter, the argument samples of the filter's own conditions and the
 * member's danger condition are tried; one that the filter allows and that is dangerous is
 * a finding. TRAP, TRACE and NOTIFY hand the call to someone else and are not counted.
 */
public final class Linter {
    private Linter() {
    }

    public static LintReport lint(FilterMeaning m, List<LintFamily> families, Set<String> capabilities) {
        List<LintFinding> findings = new ArrayList<>();
        List<String> notChecked = new ArrayList<>();
        for (LintFamily family : families) {
            boolean anyExists = false;
            for (LintFamily.Member member : family.syscalls()) {
                List<String> arches = new ArrayList<>();
                String example = null;
                String verdict = null;
                for (Arch arch : m.arches()) {
                    OptionalInt nr = SyscallTable.of(arch).number(member.name());
                    if (nr.isEmpty()) {
                        continue;
                    }
                    anyExists = true;
                    long[] allowed = allowedDangerous(m, arch, nr.getAsInt(), member.when());
                    if (allowed != null) {
                        arches.add(arch.id());
                        if (verdict == null) {
                            SyscallExplanation e = Explainer.explain(m, arch, nr.getAsInt());
                            verdict = e.verdict();
                            example = member.when() != null || e.conditional() ? args(allowed) : null;
                        }
                    }
                }
                if (!arches.isEmpty()) {
                    findings.add(finding(family, member, arches, verdict, example, capabilities));
                }
            }
            if (!anyExists) {
                notChecked.add(family.id() + ": none of its syscalls exists on " + String.join(", ", ids(m)));
            }
        }
        findings.sort(Comparator.comparing(LintFinding::level));
        return new LintReport(m.source(), ids(m), findings, notChecked);
    }

    /** An argument vector that is dangerous and that the filter lets through, or null. */
    private static long[] allowedDangerous(FilterMeaning m, Arch arch, int nr, DangerCondition when) {
        List<Rule> rules = new ArrayList<>(m.rules(arch, nr));
        if (when != null) {
            when.conditions().forEach(c -> rules.add(new Rule(List.of(c), Action.ALLOW, "lint")));
        }
        for (long[] args : ArgumentSamples.of(arch, rules)) {
            if ((when == null || when.holds(args)) && m.decide(arch, nr, args).kind().lets()) {
                return args;
            }
        }
        return null;
    }

    private static LintFinding finding(LintFamily family, LintFamily.Member member, List<String> arches, String verdict,
                                       String example, Set<String> capabilities) {
        Severity severity = member.severityIn(family);
        String note = member.note();
        if (member.capability() != null && !capabilities.contains(member.capability())) {
            severity = Severity.INFO;
            String missing = "the kernel still requires " + member.capability() + ", which the target does not keep";
            note = note == null ? missing : missing + "; " + note;
        }
        String why = member.when() == null ? family.why() : family.why() + " (dangerous when " + member.when().text() + ")";
        return new LintFinding(family.id(), severity.id(), member.name(), arches, verdict, example, why, note);
    }

    private static String args(long[] args) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i] != 0) {
                parts.add("arg" + i + " == " + ConditionText.hex(args[i]));
            }
        }
        return parts.isEmpty() ? "arguments 0" : String.join(", ", parts);
    }

    private static List<String> ids(FilterMeaning m) {
        return m.arches().stream().map(Arch::id).toList();
    }
}
