package io.bulwark.seccomp;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * libseccomp as a reference, through Debian's python3-seccomp (importable only by the
 * system interpreter /usr/bin/python3). Tests skip when it is missing, except under CI=true,
 * where it is installed and its absence is a failure.
 */
final class Libseccomp {
    static final Path PYTHON = Paths.get("/usr/bin/python3");
    private static final Path SCRIPT = Paths.get("src/test/resources/io/bulwark/seccomp/libseccomp/export.py");

    /** The exported program and the names libseccomp did not know. */
    record Export(BpfProgram program, Set<String> unknownNames) {
    }

    private Libseccomp() {
    }

    static void assumeAvailable() {
        boolean present = Files.isExecutable(PYTHON) && run(List.of(PYTHON.toString(), "-c", "import seccomp"), new byte[0]).exit == 0;
        if ("true".equals(System.getenv("CI")) && !present) {
            throw new AssertionError("CI=true but /usr/bin/python3 cannot import seccomp: install python3-seccomp");
        }
        assumeTrue(present, "python3-seccomp is not installed for /usr/bin/python3");
    }

    /** libseccomp's program for the rules of {@code profile} that apply to {@code target}. */
    static Export export(Profile profile, Target target, List<Arch> arches, int optimize) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("default", Integer.toUnsignedLong(profile.defaultAction().ret()));
        spec.put("arches", arches.stream().map(Arch::id).toList());
        spec.put("optimize", optimize);
        List<Map<String, Object>> rules = new ArrayList<>();
        for (SyscallRule r : PolicyResolver.applicableRules(profile, target)) {
            if (r.action().equals(profile.defaultAction())) {
                continue; // runc skips these too
            }
            for (String name : r.names()) {
                List<List<Object>> args = new ArrayList<>();
                for (ArgCondition c : r.args()) {
                    args.add(List.of(c.index(), c.op().name(), Long.toUnsignedString(c.value()), Long.toUnsignedString(c.valueTwo())));
                }
                Map<String, Object> rule = new LinkedHashMap<>();
                rule.put("name", name);
                rule.put("ret", Integer.toUnsignedLong(r.action().ret()));
                rule.put("args", args);
                rules.add(rule);
            }
        }
        spec.put("rules", rules);
        try {
            String json = new ObjectMapper().writeValueAsString(spec).replaceAll("\"(\\d+)\"", "$1");
            Result res = run(List.of(PYTHON.toString(), SCRIPT.toString()), json.getBytes(StandardCharsets.UTF_8));
            if (res.exit != 0) {
                throw new AssertionError("libseccomp export failed: " + new String(res.err, StandardCharsets.UTF_8));
            }
            Set<String> unknown = new TreeSet<>(new String(res.err, StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList());
            return new Export(BpfProgram.fromBytes("libseccomp", res.out), unknown);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private record Result(int exit, byte[] out, byte[] err) {
    }

    private static Result run(List<String> command, byte[] input) {
        try {
            Process p = new ProcessBuilder(command).start();
            p.getOutputStream().write(input);
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            return new Result(p.waitFor(), out, err);
        } catch (IOException e) {
            return new Result(-1, new byte[0], e.toString().getBytes(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
