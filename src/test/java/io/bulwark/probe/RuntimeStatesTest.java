package io.bulwark.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** State directories laid out as runc and crun write them, under a fixture host root. */
class RuntimeStatesTest {
    @TempDir
    Path host;

    private void state(String path, String json) throws IOException {
        Path file = host.resolve(path.substring(1));
        Files.createDirectories(file.getParent());
        Files.writeString(file, json);
    }

    @Test
    void aRuncStateNamesItsInitByPidAndStartTime() throws IOException {
        state("/run/runc/web-1/state.json", "{\"id\":\"web-1\",\"init_process_pid\":4242,\"init_process_start\":1048101,\"config\":{}}");
        List<RuntimeSigns.Sign> signs = RuntimeStates.read(host).signs(4242, 1048101);
        assertThat(signs).singleElement().satisfies(s -> {
            assertThat(s.runtime()).isEqualTo("runc");
            assertThat(s.id()).isEqualTo("web-1");
            assertThat(s.what()).contains("/run/runc/web-1/state.json", "4242");
        });
    }

    @Test
    void aCrunStatusNamesItsInitToo() throws IOException {
        state("/run/crun/db/status", "{\"pid\":77,\"process-start-time\":99,\"cgroup-path\":\"/db\"}");
        assertThat(RuntimeStates.read(host).signs(77, 99)).singleElement()
                .satisfies(s -> assertThat(s.runtime() + " " + s.id()).isEqualTo("crun db"));
    }

    @Test
    void aPidReusedSinceTheContainerStartedNamesNothing() throws IOException {
        state("/run/runc/old/state.json", "{\"init_process_pid\":4242,\"init_process_start\":500}");
        assertThat(RuntimeStates.read(host).signs(4242, 1048101)).isEmpty();
    }

    @Test
    void halfWrittenForeignOrMissingStateIsIgnored() throws IOException {
        state("/run/runc/torn/state.json", "{\"init_process_pid\":42");
        state("/run/runc/text/state.json", "{\"init_process_pid\":\"42\",\"init_process_start\":\"7\"}");
        Files.createDirectories(host.resolve("run/runc/empty"));
        RuntimeStates states = RuntimeStates.read(host);
        assertThat(states.signs(42, 7)).isEmpty();
        assertThat(RuntimeStates.read(host.resolve("nowhere")).signs(42, 7)).isEmpty();
    }
}
