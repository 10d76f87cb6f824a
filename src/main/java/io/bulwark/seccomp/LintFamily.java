package io.bulwark.seccomp;

import io.bulwark.audit.Severity;
import java.util.List;

/** A family of dangerous syscalls (lint-families.yaml): why they are dangerous and how much. */
public record LintFamily(String id, Severity severity, String why, List<Member> syscalls) {

    /**
     * One syscall of a family: when it is dangerous (null: always), the capability the kernel
     * still requires for that use (null: none worth naming), its own severity (null: the
     * family's) and a note.
     */
    public record Member(String name, DangerCondition when, String capability, Severity severity, String note) {
        public Severity severityIn(LintFamily family) {
            return severity == null ? family.severity() : severity;
        }
    }

    public LintFamily {
        syscalls = List.copyOf(syscalls);
    }
}
