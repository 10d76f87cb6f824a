package io.bulwark.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bulwark.audit.Fact;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Setuid bits and root ownership cannot be stored in git, so these trees are made at test time. */
class SetuidScanTest {
    @TempDir
    Path root;

    @BeforeEach
    void asRoot() {
        assumeTrue(new com.sun.security.auth.module.UnixSystem().getUid() == 0, "creating root-owned setuid files needs root");
    }

    private Path program(String path, int mode, int uid, int gid) throws IOException {
        Path file = root.resolve(path.substring(1));
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n");
        Files.setAttribute(file, "unix:uid", uid);
        Files.setAttribute(file, "unix:gid", gid);
        Files.setAttribute(file, "unix:mode", mode);
        return file;
    }

    private Fact scan() {
        return new SetuidScan().scan(ProbeContext.fixture(root));
    }

    @Test
    void findsSetuidRootAndSetgidRootButNotOtherOwners() throws IOException {
        program("/usr/bin/su", 04755, 0, 0);
        program("/usr/bin/wall", 02755, 0, 0);
        program("/usr/bin/ls", 0755, 0, 0);
        program("/usr/bin/game", 04755, 65534, 65534);
        program("/usr/bin/crontab", 02755, 0, 65534);
        program("/usr/local/sbin/helper", 06750, 0, 0);
        Fact f = scan();
        assertThat(f.value()).isEqualTo(List.of("/usr/bin/su", "/usr/bin/wall", "/usr/local/sbin/helper"));
        assertThat(f.evidence()).contains("3 setuid/setgid-root file(s)").contains("/bin absent");
    }

    @Test
    void aMergedUsrIsScannedOnceUnderItsRealName() throws IOException {
        program("/usr/bin/mount", 04755, 0, 0);
        Files.createSymbolicLink(root.resolve("bin"), Path.of("usr/bin"));
        Files.createSymbolicLink(root.resolve("sbin"), Path.of("/usr/sbin"));
        Files.createDirectories(root.resolve("usr/sbin"));
        Fact f = scan();
        assertThat(f.value()).isEqualTo(List.of("/usr/bin/mount"));
        assertThat(f.evidence()).contains("scanned /usr/bin /usr/sbin /usr/local/bin /usr/local/sbin");
    }

    @Test
    void symlinksToSetuidProgramsAreNotCountedTwice() throws IOException {
        Path su = program("/bin/su", 04755, 0, 0);
        Files.createDirectories(root.resolve("usr/bin"));
        Files.createSymbolicLink(root.resolve("usr/bin/su"), su);
        assertThat(scan().value()).isEqualTo(List.of("/bin/su"));
    }

    @Test
    void stopsAfterTheLimitAndSaysSo() throws IOException {
        for (int i = 0; i < SetuidScan.LIMIT + 5; i++) {
            program(String.format("/usr/bin/p%03d", i), 04755, 0, 0);
        }
        Fact f = scan();
        assertThat((List<?>) f.value()).hasSize(SetuidScan.LIMIT);
        assertThat(f.evidence()).contains("stopped after 200");
    }

    @Test
    void anImageWithoutProgramDirectoriesHasNone() {
        Fact f = scan();
        assertThat(f.value()).isEqualTo(List.of());
        assertThat(f.evidence()).contains("/usr/bin absent");
    }

    /** A process of a scan, over the fixture root, whose mount table lists {@code mountPoints}. */
    private ProbeContext process(String pid, String... mountPoints) throws IOException {
        Path dir = Files.createDirectories(root.resolve("proc/" + pid));
        StringBuilder table = new StringBuilder("20 1 8:1 / / rw,relatime - ext4 /dev/vda1 rw\n");
        for (int i = 0; i < mountPoints.length; i++) {
            table.append(21 + i).append(" 20 8:1 /elsewhere ").append(mountPoints[i]).append(" rw - ext4 /dev/vda1 rw\n");
        }
        Files.writeString(dir.resolve("mountinfo"), table);
        return new ProbeContext(root, root.resolve("proc"), dir, false);
    }

    @Test
    void targetsThatShareADirectoryShareOneWalkOfIt() throws IOException {
        Path su = program("/usr/bin/su", 04755, 0, 0);
        SetuidScan scan = new SetuidScan();
        assertThat(scan.scan(process("10")).value()).isEqualTo(List.of("/usr/bin/su"));
        // chmod leaves the directory's mtime alone: a second target on it is answered from the first walk
        Files.setAttribute(su, "unix:mode", 0755);
        assertThat(scan.scan(process("11")).value()).isEqualTo(List.of("/usr/bin/su"));
        assertThat(new SetuidScan().scan(process("12")).value()).isEqualTo(List.of());
    }

    @Test
    void aTargetWithSomethingMountedInsideTheDirectoryIsWalkedAfresh() throws IOException {
        Path su = program("/usr/bin/su", 04755, 0, 0);
        SetuidScan scan = new SetuidScan();
        scan.scan(process("10"));
        Files.setAttribute(su, "unix:mode", 0755);
        // a file bind-mounted over an entry is seen only from that target, so its walk is its own
        assertThat(scan.scan(process("11", "/usr/bin/su")).value()).isEqualTo(List.of());
    }

    @Test
    void aDirectoryChangedSinceItsWalkIsWalkedAgain() throws IOException {
        program("/usr/bin/su", 04755, 0, 0);
        SetuidScan scan = new SetuidScan();
        scan.scan(process("10"));
        program("/usr/bin/newgrp", 04755, 0, 0);
        assertThat(scan.scan(process("11")).value()).isEqualTo(List.of("/usr/bin/newgrp", "/usr/bin/su"));
    }

    @Test
    void withoutAMountTableNothingIsShared() throws IOException {
        Path su = program("/usr/bin/su", 04755, 0, 0);
        SetuidScan scan = new SetuidScan();
        scan.scan(ProbeContext.fixture(root));
        Files.setAttribute(su, "unix:mode", 0755);
        assertThat(scan.scan(ProbeContext.fixture(root)).value()).isEqualTo(List.of());
    }
}
