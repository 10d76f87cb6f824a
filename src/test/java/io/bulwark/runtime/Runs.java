package io.bulwark.runtime;

import io.bulwark.os.Capability;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Real runs for tests: plan with the host's view, start the packaged executor as a child. */
final class Runs {
    private Runs() {
    }

    /** A run's result: the executor's exit status and what the workload printed. */
    record Result(int status, String out, String err) {
    }

    /** Options of a test run; the defaults of 'bulwark run'. */
    static final class Spec {
        List<BindSpec> binds = new ArrayList<>();
        List<String> tmpfs = new ArrayList<>();
        Set<Capability> caps = Set.of();
        String seccomp = "default";
        long pidsMax = 1024;
        String cwd;
        Set<Namespace> shared = Set.of();
        String rootfs;
        long uid;
        long gid;

        RunSpec toSpec(List<String> command) {
            return new RunSpec(command, shared, rootfs, binds, tmpfs, caps, seccomp, pidsMax, 0, null,
                    List.of(), List.of(), cwd, List.of(), List.of(), uid, gid);
        }
    }

    static Plan plan(Spec spec, String... command) {
        return new Planner(RuntimeDefaults.load(), HostView.current(), new SeccompPrograms()).plan(spec.toSpec(List.of(command)));
    }

    static Launcher launcher(Path cacheDir) {
        return new Launcher(ExecutorBinary.extract(cacheDir, HostView.current().euid()), cacheDir);
    }

    /** Starts a run whose output goes to files in {@code dir}. */
    static Process start(Path dir, Plan plan) throws IOException {
        return launcher(dir.resolve("cache")).start(PlanEncoder.encode(plan),
                ProcessBuilder.Redirect.to(dir.resolve("out").toFile()), ProcessBuilder.Redirect.to(dir.resolve("err").toFile()));
    }

    static Result run(Path dir, Spec spec, String... command) throws Exception {
        return finish(dir, start(dir, plan(spec, command)));
    }

    static Result finish(Path dir, Process p) throws Exception {
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("run did not end within 60 s");
        }
        return new Result(p.exitValue(), Files.readString(dir.resolve("out")), Files.readString(dir.resolve("err")));
    }

    /** The run's pids cgroup on this host (v1), named for the executor's pid. */
    static Path pidsCgroup(Process executor) {
        return Path.of("/sys/fs/cgroup/pids/bulwark-" + executor.pid());
    }

    /** Waits until {@code file} holds text (the workload says it is ready). */
    static void awaitText(Path file) throws InterruptedException, IOException {
        for (int i = 0; i < 500 && (!Files.exists(file) || Files.readString(file).isEmpty()); i++) {
            Thread.sleep(20);
        }
    }
}
