package io.bulwark.seccomp;

/**
 * One syscall on one architecture that two filters decide differently: what each does
 * ({@link SyscallExplanation#verdict()}) and an argument vector on which they part, with
 * the two actions there.
 */
public record SyscallDifference(String arch, int nr, String syscall, String a, String b, String example,
                                String actionA, String actionB) {

    public String text() {
        String head = arch + " " + syscall + ": ";
        String pad = " ".repeat(head.length());
        return head + "A " + a + "\n" + pad + "B " + b + "\n" + pad + "e.g. " + example + ": A " + actionA + ", B " + actionB;
    }
}
