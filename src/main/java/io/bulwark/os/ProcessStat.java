package io.bulwark.os;

import java.util.List;

/**
 * {@code /proc/PID/stat} (proc(5)): one line of space-separated fields. The second field, the
 * command name in parentheses, may itself hold spaces and parentheses, so the fields after it
 * are counted from the last {@code ')'}.
 */
public final class ProcessStat {
    private final long pid;
    private final String comm;
    private final List<String> rest;

    private ProcessStat(long pid, String comm, List<String> rest) {
        this.pid = pid;
        this.comm = comm;
        this.rest = rest;
    }

    public static ProcessStat parse(String text) {
        String line = text.strip();
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        if (open < 1 || close < open) {
            throw new IllegalArgumentException("stat line '" + abbreviate(line) + "' has no '(command)' field");
        }
        long pid;
        try {
            pid = Long.parseLong(line.substring(0, open).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("stat line '" + abbreviate(line) + "' does not start with a pid");
        }
        String tail = line.substring(close + 1).strip();
        List<String> rest = tail.isEmpty() ? List.of() : List.of(Fields.of(tail));
        return new ProcessStat(pid, line.substring(open + 1, close), rest);
    }

    private static String abbreviate(String line) {
        return line.length() > 60 ? line.substring(0, 60) + "…" : line;
    }

    public long pid() {
        return pid;
    }

    public String command() {
        return comm;
    }

    /** Field {@code n} as numbered in proc(5), counting from 1 (pid) and 2 (comm); n ≥ 3. */
    public long number(int n) {
        if (n < 3 || n - 3 >= rest.size()) {
            throw new IllegalArgumentException("stat has no field " + n + " (it has " + (rest.size() + 2) + ")");
        }
        try {
            return Long.parseLong(rest.get(n - 3));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("stat field " + n + " '" + rest.get(n - 3) + "' is not a number");
        }
    }

    /** Field 3, the state letter: R, S, D, Z (zombie), t (tracing stop), … */
    public String state() {
        return rest.isEmpty() ? "" : rest.get(0);
    }

    /** Field 22, starttime: when the process started, in clock ticks after boot. */
    public long startTicks() {
        return number(22);
    }
}
