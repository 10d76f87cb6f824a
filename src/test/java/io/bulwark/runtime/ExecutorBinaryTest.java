package io.bulwark.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutorBinaryTest {
    @TempDir
    Path tmp;

    @Test
    void extractingANewBuildKeepsOnlyTheNewestFewOfTheEarlierOnes() throws IOException {
        int euid = HostView.current().euid();
        Path cache = ExecutorBinary.privateDir(tmp.resolve("cache"), euid);
        for (int i = 0; i < 5; i++) {
            Path old = Files.writeString(cache.resolve("bulwark-exec-old" + i), "an earlier build");
            Files.setLastModifiedTime(old, FileTime.fromMillis(1_000_000L * (i + 1)));
        }
        Files.writeString(cache.resolve("jvm-keep.cds"), "not an executor");

        Path exe = ExecutorBinary.extract(cache, euid);

        try (Stream<Path> files = Files.list(cache)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted().toList())
                    .isEqualTo(List.of(exe.getFileName().toString(), "bulwark-exec-old2", "bulwark-exec-old3", "bulwark-exec-old4", "jvm-keep.cds")
                            .stream().sorted().toList());
        }
        assertThat(ExecutorBinary.extract(cache, euid)).as("extracted once, then found").isEqualTo(exe);
    }
}
