package io.bulwark.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plan cache through the launcher script, as users start it: a repeated run starts
 * without a JVM, and any change to what the planner read sends it back to the JVM. The JVM
 * here is a wrapper that counts its starts before it runs the real one.
 */
class PlanCacheTest {
    @TempDir
    Path dir;

    private Path cache;
    private Path jvmLog;
    private Path javaHome;

    @BeforeEach
    void countingJvm() throws IOException {
        cache = dir.resolve("cache");
        jvmLog = dir.resolve("jvm-starts");
        javaHome = dir.resolve("jdk");
        Files.createDirectories(javaHome.resolve("bin"));
        Path java = javaHome.resolve("bin/java");
        String real = ProcessHandle.current().info().command().orElseThrow();
        Files.writeString(java, "#!/bin/sh\necho start >> " + jvmLog + "\nexec " + real + " \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
    }

    private record Launch(int status, String out, String err) {
    }

    private Launch launch(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of("bulwark").toAbsolutePath().toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
        pb.environment().put("BULWARK_CACHE_DIR", cache.toString());
        pb.environment().put("BULWARK_CLASSPATH", System.getProperty("java.class.path"));
        pb.environment().put("JAVA_HOME", javaHome.toString());
        pb.environment().remove("BULWARK_PLAN_KEY");
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Launch(p.exitValue(), Files.readString(dir.resolve("out")), Files.readString(dir.resolve("err")));
    }

    private long jvmStarts() throws IOException {
        return Files.exists(jvmLog) ? Files.readAllLines(jvmLog).size() : 0;
    }

    private List<Path> entries(String suffix) throws IOException {
        try (Stream<Path> s = Files.list(cache.resolve("plans"))) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
        }
    }

    @Test
    void aRepeatedRunStartsWithoutAJvm() throws Exception {
        assertThat(launch("run", "--hostname", "first", "--", "hostname").out()).isEqualTo("first\n");
        assertThat(jvmStarts()).isEqualTo(1);
        Launch again = launch("run", "--hostname", "first", "--", "hostname");
        assertThat(again.status()).isZero();
        assertThat(again.out()).isEqualTo("first\n");
        assertThat(jvmStarts()).isEqualTo(1);
    }

    @Test
    void aChangedOptionGivesANewPlan() throws Exception {
        launch("run", "--hostname", "first", "--", "hostname");
        Launch other = launch("run", "--hostname", "second", "--", "hostname");
        assertThat(other.out()).isEqualTo("second\n");
        assertThat(jvmStarts()).isEqualTo(2);
        assertThat(entries(".plan")).hasSize(2);
        assertThat(entries(".inputs")).hasSize(2);
    }

    @Test
    void noCacheAlwaysPlansAndStoresNothing() throws Exception {
        launch("run", "--no-cache", "--", "true");
        launch("run", "--no-cache", "--", "true");
        assertThat(jvmStarts()).isEqualTo(2);
        assertThat(Files.exists(cache.resolve("plans"))).isFalse();
    }

    @Test
    void aChangedProfileFileGivesANewPlan() throws Exception {
        Path profile = dir.resolve("profile.json");
        Files.copy(Path.of("seccomp-profiles/default.json"), profile);
        String grep = "grep ^Seccomp: /proc/self/status";
        assertThat(launch("run", "--seccomp", "profile.json", "--", "sh", "-c", grep).out()).contains("Seccomp:\t2");
        launch("run", "--seccomp", "profile.json", "--", "sh", "-c", grep);
        assertThat(jvmStarts()).isEqualTo(1);
        Files.writeString(profile, Files.readString(profile).replace("\"SCMP_ACT_ERRNO\"", "\"SCMP_ACT_ALLOW\""));
        assertThat(launch("run", "--seccomp", "profile.json", "--", "sh", "-c", grep).status()).isZero();
        assertThat(jvmStarts()).isEqualTo(2);
        assertThat(entries(".plan")).hasSize(2); // the plan itself differs, not only its inputs' times
    }

    @Test
    void aRootfsChangedIntoAnEscapeIsPlannedAgainAndRefused() throws Exception {
        Path rootfs = dir.resolve("rootfs");
        Files.createDirectories(rootfs.resolve("bin"));
        Files.copy(Path.of("/bin/busybox"), rootfs.resolve("bin/busybox"));
        Files.createSymbolicLink(rootfs.resolve("bin/true"), Path.of("busybox"));
        for (String d : List.of("dev", "proc", "sys", "tmp", "run")) { // container root may not create them
            Files.createDirectories(rootfs.resolve(d));
        }
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(launch("run", "--rootfs", "rootfs", "--", "/bin/true").status()).isZero();
        assertThat(launch("run", "--rootfs", "rootfs", "--", "/bin/true").status()).isZero();
        assertThat(jvmStarts()).isEqualTo(1);
        // /dev becomes a link out of the rootfs: the cached plan must not be used, and the planner refuses.
        Files.delete(rootfs.resolve("dev"));
        Files.createSymbolicLink(rootfs.resolve("dev"), Path.of("/tmp"));
        Launch escaped = launch("run", "--rootfs", "rootfs", "--", "/bin/true");
        assertThat(jvmStarts()).isEqualTo(2);
        assertThat(escaped.status()).isEqualTo(125);
        assertThat(escaped.err()).contains("is a symlink");
    }

    @Test
    void aPlanOthersCouldWriteIsNotUsed() throws Exception {
        launch("run", "--", "true");
        Path plan = entries(".plan").get(0);
        Files.setPosixFilePermissions(plan, PosixFilePermissions.fromString("rw-rw-rw-"));
        assertThat(launch("run", "--", "true").status()).isZero();
        assertThat(jvmStarts()).isEqualTo(2); // planned again, not started from the changed file
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(plan))).isEqualTo("rw-------");
        Files.setPosixFilePermissions(cache.resolve("plans"), PosixFilePermissions.fromString("rwxrwxrwx"));
        Launch open = launch("run", "--", "true");
        assertThat(open.status()).isZero();
        assertThat(open.err()).contains("not cached");
        assertThat(jvmStarts()).isEqualTo(3);
    }

    @Test
    void concurrentFirstRunsLeaveOneWholeEntry() throws Exception {
        List<Process> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ProcessBuilder pb = new ProcessBuilder(Path.of("bulwark").toAbsolutePath().toString(), "run", "--", "true")
                    .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("out-" + i).toFile());
            pb.environment().put("BULWARK_CACHE_DIR", cache.toString());
            pb.environment().put("BULWARK_CLASSPATH", System.getProperty("java.class.path"));
            pb.environment().put("JAVA_HOME", javaHome.toString());
            runs.add(pb.start());
        }
        for (Process p : runs) {
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
        }
        long planned = jvmStarts();
        assertThat(launch("run", "--", "true").status()).isZero();
        assertThat(jvmStarts()).isEqualTo(planned);
        assertThat(entries(".inputs")).hasSize(1);
        assertThat(entries(".plan")).hasSize(1);
        try (Stream<Path> s = Files.list(cache.resolve("plans"))) {
            assertThat(s.filter(p -> p.getFileName().toString().startsWith(".tmp-"))).isEmpty();
        }
    }
}
